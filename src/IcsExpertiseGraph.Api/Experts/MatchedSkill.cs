using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>The holding that answered one concept; ForSkillId is the asked-for skill when a narrower one answered it.</summary>
public sealed record MatchedSkill(Guid SkillId, SkillLevel Level, bool Verified, SkillEvidence? Evidence, Guid? ForSkillId);
