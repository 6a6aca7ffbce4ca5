namespace IcsExpertiseGraph.Api.Domain;

/// <summary>(Person)-[:HAS_SKILL]->(Skill)</summary>
public sealed record PersonSkill(
    Guid PersonId,
    Guid SkillId,
    SkillLevel Level,
    SkillEvidence? Evidence,
    int? Years,
    bool Verified,
    DateOnly? Since);
