namespace IcsExpertiseGraph.Api.Domain;

/// <summary>(Person)-[:ENDORSED {skillId, at}]->(Person)</summary>
public sealed record Endorsement(Guid EndorserId, Guid EndorseeId, Guid SkillId, DateTimeOffset At);
