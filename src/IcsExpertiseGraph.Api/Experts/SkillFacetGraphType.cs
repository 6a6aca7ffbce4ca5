using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class SkillFacetGraphType : ObjectGraphType<FacetCount<Skill>>
{
    public SkillFacetGraphType()
    {
        Name = "SkillFacet";
        Field<NonNullGraphType<IdGraphType>>("value").Description("The skill's id, ready for filter.skillIds.").Resolve(c => GlobalId.Encode("Skill", c.Source.Value.Id));
        Field<NonNullGraphType<SkillGraphType>>("skill").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
