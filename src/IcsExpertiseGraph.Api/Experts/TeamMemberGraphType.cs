using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class TeamMemberGraphType : ObjectGraphType<TeamMember>
{
    public TeamMemberGraphType()
    {
        Name = "TeamMember";
        Field<NonNullGraphType<Experts.PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("covers").Description("The required skills this member brings.")
            .ResolveAsync(async c =>
            {
                var taxonomy = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
                return c.Source.Covers.Select(taxonomy.Find).OfType<Skill>().ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamCoverGraphType>>>>("coverage")
            .Description("For each required skill this member brings: the skill they hold for it (the same or a narrower one) and at what level.")
            .Resolve(c => c.Source.Coverage);
        Field<OrganisationGraphType>("organisation").Description("The member's primary employer.")
            .Resolve(c => c.Source.OrganisationId is { } id ? c.Request().Organisations.Load(id) : null);
    }
}
