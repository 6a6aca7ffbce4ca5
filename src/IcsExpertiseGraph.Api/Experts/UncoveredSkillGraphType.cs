using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class UncoveredSkillGraphType : ObjectGraphType<UncoveredSkill>
{
    public UncoveredSkillGraphType()
    {
        Name = "UncoveredSkill";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c =>
            (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).Find(c.Source.SkillId));
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}
