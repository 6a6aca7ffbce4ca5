using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary><c>SetSkillInput</c> as GraphQL binds it (<c>GetArgument&lt;SetSkillInput&gt;</c>).</summary>
public sealed record SetSkillInput(string SkillId, SkillLevel Level, SkillEvidence? Evidence, int? Years)
{
    /// <summary>The claim it asks for, checked: a skill's id, and years within their range.</summary>
    public SkillClaim ToClaim() => new(GlobalId.Parse(SkillId, "Skill", "skillId"), Level, Evidence, ProfileValidation.CheckedYears(Years));
}
