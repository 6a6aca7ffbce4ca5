using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>An invitation as its inviter and invitee see it (no one else ever reaches one).</summary>
public sealed class InvitationGraphType : ObjectGraphType<Invitation>
{
    public InvitationGraphType()
    {
        Name = "Invitation";
        Description = "A request to an expert to help design an ICS. Only its inviter and invitee see it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Invitation", c.Source.Id));
        Field<PersonGraphType>("inviter").Description("Null if their profile is hidden from you.").Resolve(c => c.Request().People.Load(c.Source.InviterId));
        Field<PersonGraphType>("invitee").Description("Their email shows only once they accept.").Resolve(c => c.Request().People.Load(c.Source.InviteeId));
        Field<NonNullGraphType<StringGraphType>>("purpose").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("skills").Description("The skills wanted.")
            .ResolveAsync(async c =>
            {
                var catalog = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
                return c.Source.SkillIds.Select(catalog.Find).OfType<Skill>().ToList();
            });
        Field<NonNullGraphType<IntGraphType>>("hoursRequested").Description("The time asked for, in hours.").Resolve(c => c.Source.HoursRequested);
        Field<StringGraphType>("message").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<DateTimeScalar>>("respondBy").Resolve(c => c.Source.RespondBy);
        Field<NonNullGraphType<EnumerationGraphType<InvitationStatus>>>("status").Description("EXPIRED once respondBy passes unanswered.")
            .Resolve(c => c.Source.StatusAt(Me.Now(c)));
        Field<NonNullGraphType<DateTimeScalar>>("sentAt").Resolve(c => c.Source.SentAt);
        Field<DateTimeScalar>("respondedAt").Resolve(c => c.Source.RespondedAt);
        Field<StringGraphType>("responseMessage").Resolve(c => c.Source.ResponseMessage);
        Field<ProjectGraphType>("project").Description("The project an accepted invitation led to, once linked.")
            .Resolve(c => c.Source.ProjectId is { } id ? c.Request().Projects.Load(id) : null);
    }
}
