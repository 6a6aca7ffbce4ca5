
namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A search hit on a page: its cursor, and its explanation, worked out only when asked for and once per result.</summary>
public sealed class SearchHit(string cursor, SearchOutcome outcome, int rank)
{
    public string Cursor { get; } = cursor;

    public ExpertMatch Match => outcome.Explain(rank);

    /// <summary>The hit's place: its group and how many of the skills asked for it meets.</summary>
    public RankedCandidate Ranked => outcome.Top(rank + 1)[rank];
}
