using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>(Person)-[:HAS_SKILL]->(Skill)</summary>
public sealed class PersonSkillGraphType : ObjectGraphType<PersonSkill>
{
    public PersonSkillGraphType()
    {
        Name = "PersonSkill";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c =>
            (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).Find(c.Source.SkillId));
        Field<NonNullGraphType<EnumerationGraphType<SkillLevel>>>("level").Resolve(c => c.Source.Level);
        Field<EnumerationGraphType<SkillEvidence>>("evidence").Description("What backs the claim; null when self-declared.").Resolve(c => c.Source.Evidence);
        Field<IntGraphType>("years").Resolve(c => c.Source.Years);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("Verified by a network manager.").Resolve(c => c.Source.Verified);
        Field<DateScalar>("since").Resolve(c => c.Source.Since);
    }
}
