using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// The store-independent ranking: the store finds candidates, this orders them. A first, simple model
/// (the search issue refines it): text relevance plus the depth of the person's best relevant skill,
/// with a little for verification. Ties break on the person's id, so pages are stable.
/// </summary>
public static class ExpertRanker
{
    /// <summary>Text relevance is squashed into 0..1 so it cannot drown the skill signal.</summary>
    private const double TextWeight = 1.0;

    /// <summary>A coach (level 4) scores 1.0; an awareness-level holder 0.25.</summary>
    private const double LevelWeight = 1.0;

    /// <summary>A network manager has checked the claim.</summary>
    private const double VerifiedBonus = 0.1;

    public static IReadOnlyList<RankedExpert> Rank(IReadOnlyList<ExpertCandidate> candidates) =>
        [.. candidates
            .Select(c => new RankedExpert(c.PersonId, Math.Round(Score(c), 6)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.PersonId)];

    private static double Score(ExpertCandidate candidate)
    {
        var text = candidate.TextRank <= 0 ? 0 : candidate.TextRank / (1 + candidate.TextRank);
        var best = candidate.RelevantSkills.Count == 0 ? null : candidate.RelevantSkills.MaxBy(s => ((int)s.Level * 2) + (s.Verified ? 1 : 0));
        var level = best is null ? 0 : (int)best.Level / (double)(int)SkillLevel.Coach;
        return (TextWeight * text) + (LevelWeight * level) + (best is { Verified: true } ? VerifiedBonus : 0);
    }
}

public sealed record RankedExpert(Guid PersonId, double Score);
