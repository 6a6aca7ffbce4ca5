using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class PersonGraphType : ObjectGraphType<Person>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "An expert's profile. Only people the caller may see ever appear.";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field<StringGraphType>("headline").Resolve(c => c.Source.Headline);
        Field<StringGraphType>("bio").Resolve(c => c.Source.Bio);
        Field<StringGraphType>("email").Description("Shown only to the person themself, to admins, and to people whose invitation they accepted; null otherwise.")
            .Resolve(c =>
            {
                var viewer = c.Request().Viewer;
                if (viewer.CanSeeEmailOf(c.Source))
                {
                    return c.Source.Email;
                }

                // Consent: an accepted invitation shows its inviter the invitee's email. Checked for the whole page in one batch.
                return viewer.PersonId is null || c.Source.Email is null ? null
                    : c.Request().ConsentedContacts.Load(c.Source.Id).Then(accepted => viewer.CanSeeEmailOf(c.Source, accepted) ? c.Source.Email : null);
            });
        Field<StringGraphType>("orcid").Description("ORCID iD, checksum-validated.").Resolve(c => c.Source.Orcid);
        Field<NonNullGraphType<EnumerationGraphType<Visibility>>>("visibility").Resolve(c => c.Source.Visibility);
        Field<NonNullGraphType<AvailabilityGraphType>>("availability").Resolve(c => c.Source.Availability);
        Field<DateTimeScalar>("lastConfirmedAt").Description("When the person last confirmed the profile is current.").Resolve(c => c.Source.LastConfirmedAt);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Optimistic concurrency: send it back as expectedVersion when updating.").Resolve(c => checked((int)c.Source.Version));
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonSkillGraphType>>>>("skills").Description("Deepest first.")
            .Resolve(c => c.Request().SkillsOfPeople.Load(c.Source.Id).Then(s => s ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EmploymentGraphType>>>>("employments").Description("Primary and current first.")
            .Resolve(c => c.Request().EmploymentsOfPeople.Load(c.Source.Id).Then(e => e ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionGraphType>>>>("contributions").Description("Most recent first.")
            .Resolve(c => c.Request().ContributionsOfPeople.Load(c.Source.Id).Then(e => e ?? []));
        this.AddAuditTrailFields();
        this.AddInvitationFields();
        Projects.JoinRequestFields.AddJoinRequestFields(this);
    }
}
