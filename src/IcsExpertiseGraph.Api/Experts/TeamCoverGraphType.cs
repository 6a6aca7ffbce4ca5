using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class TeamCoverGraphType : ObjectGraphType<TeamCover>
{
    public TeamCoverGraphType()
    {
        Name = "TeamCover";
        Description = "How a team member covers one required skill.";
        Field<NonNullGraphType<SkillGraphType>>("skill").Description("The required skill.").ResolveAsync(async c => await c.SkillAsync(c.Source.SkillId));
        Field<NonNullGraphType<SkillGraphType>>("heldSkill").Description("The skill the member holds for it: the same skill, or a narrower one.")
            .ResolveAsync(async c => await c.SkillAsync(c.Source.HeldSkillId));
        Field<NonNullGraphType<BooleanGraphType>>("throughNarrower").Description("True when the cover comes through a narrower skill.")
            .Resolve(c => c.Source.HeldSkillId != c.Source.SkillId);
        Field<NonNullGraphType<EnumerationGraphType<SkillLevel>>>("level").Description("The member's level in the held skill.").Resolve(c => c.Source.Level);
    }
}
