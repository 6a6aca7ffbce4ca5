using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>A contribution waiting for consent: seen only by the person and those who decide on it.</summary>
public sealed class JoinRequestGraphType : ObjectGraphType<JoinRequest>
{
    public JoinRequestGraphType()
    {
        Name = "JoinRequest";
        Description = "A contribution waiting for consent (not yet part of the project: no contributor list, link or ranking counts it). "
            + "REQUEST: the person asked to join, and the project's lead decides (a network manager, where it has none). "
            + "ADDITION: a lead added the person, who confirms. Only the person and those who decide see it.";
        Field<NonNullGraphType<EnumerationGraphType<JoinRequestKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("The person's name, as they asked (or were added): shown to those who decide even where their profile is not.")
            .Resolve(c => c.Source.PersonName);
        Field<Experts.PersonGraphType>("person").Description("The person's profile, when you may see it.")
            .Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<ProjectGraphType>>("project").Resolve(c => c.Request().Projects.Load(c.Source.ProjectId));
        Field<NonNullGraphType<EnumerationGraphType<ContributionRole>>>("role").Resolve(c => c.Source.Role);
        Field<DateScalar>("from").Resolve(c => c.Source.From);
        Field<DateScalar>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<DateTimeScalar>>("requestedAt").Resolve(c => c.Source.RequestedAt);
    }
}
