namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A scored person, with the skills that matched and reasons whose contributions add up to the score.</summary>
public sealed record ExpertMatch(Guid PersonId, double Score, IReadOnlyList<MatchedSkill> MatchedSkills, IReadOnlyList<ScoreReason> Explanation);
