using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// A scored person and their place: the group, how many of the skills asked for they meet (each by a distinct skill
/// they hold), and how many of those by the very skill named rather than a narrower one.
/// </summary>
public sealed record RankedCandidate(ExpertCandidate Candidate, double Score, double EvidenceStrength, SearchGroup Group = SearchGroup.Everyone, int Met = 0, int Explicit = 0)
{
    /// <summary>
    /// The ranking: group, then skills met, then score (where a skill met through a narrower one counts 90% of its level),
    /// evidence and id (so it never depends on input order).
    /// </summary>
    public static IComparer<RankedCandidate> Order { get; } = new RankOrder();

    private sealed class RankOrder : IComparer<RankedCandidate>
    {
        public int Compare(RankedCandidate? x, RankedCandidate? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var order = x.Group.CompareTo(y.Group);
            order = order != 0 ? order : y.Met.CompareTo(x.Met);
            order = order != 0 ? order : y.Score.CompareTo(x.Score);
            order = order != 0 ? order : y.EvidenceStrength.CompareTo(x.EvidenceStrength);
            return order != 0 ? order : x.Candidate.PersonId.CompareTo(y.Candidate.PersonId);
        }
    }
}
