namespace IcsExpertiseGraph.Api.Experts;

public sealed record UncoveredSkill(Guid SkillId, string Reason);
