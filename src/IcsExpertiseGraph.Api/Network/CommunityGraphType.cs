using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class CommunityGraphType : ObjectGraphType<Community>
{
    public CommunityGraphType()
    {
        Name = "Community";
        Field<NonNullGraphType<IntGraphType>>("number").Description("1 is the largest.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<IntGraphType>>("size").Resolve(c => c.Source.Members.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("members").Description("Up to 50, in the community's order.")
            .Resolve(c => c.Request().People.LoadMany(c.Source.Members.Take(50)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationGraphType>>>>("organisations").Resolve(c => c.Request().Organisations.LoadMany(c.Source.Organisations));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("dominantSkills").Description("The skills most held (practitioner or deeper) in the community.")
            .ResolveAsync(async c =>
            {
                var taxonomy = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
                return c.Source.DominantSkills.Select(taxonomy.Find).OfType<Skill>().ToList();
            });
    }
}
