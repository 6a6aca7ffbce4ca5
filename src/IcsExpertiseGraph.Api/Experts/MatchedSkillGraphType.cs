using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class MatchedSkillGraphType : ObjectGraphType<MatchedSkill>
{
    public MatchedSkillGraphType()
    {
        Name = "MatchedSkill";
        Description = "A skill of the person's that answered the search.";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c => await c.SkillAsync(c.Source.SkillId));
        Field<NonNullGraphType<EnumerationGraphType<SkillLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Resolve(c => c.Source.Verified);
        Field<EnumerationGraphType<SkillEvidence>>("evidence").Resolve(c => c.Source.Evidence);
        Field<SkillGraphType>("forSkill").Description("The broader skill asked for, when this narrower one answered it.")
            .ResolveAsync(async c => c.Source.ForSkillId is { } id ? await c.SkillAsync(id) : null);
    }
}
