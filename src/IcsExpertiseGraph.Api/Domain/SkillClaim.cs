namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A skill as its holder claims it (<c>setMySkill</c>); verification is a network manager's to give.</summary>
public sealed record SkillClaim(Guid SkillId, SkillLevel Level, SkillEvidence? Evidence, int? Years);
