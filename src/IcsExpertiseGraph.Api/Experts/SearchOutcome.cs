namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// A search's whole result: every visible match, placed and counted, the best of them ranked on demand, with what is
/// needed to explain a page and count facets.
/// </summary>
public sealed class SearchOutcome(ISearchMatches matches, ExpertRanker ranker)
{
    /// <summary>Explanations already worked out, by rank: a cached result explains each hit once, whoever asks.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, ExpertMatch> explained = new();
    private SearchFacets? facets;

    public ExpertRanker Ranker => ranker;

    /// <summary>Every visible match, across every page.</summary>
    public int TotalCount => matches.Count;

    /// <summary>Matches that hold at least one of the skills asked for.</summary>
    public int SkillHolderCount => matches.SkillHolders;

    /// <summary>Matches found by their words alone.</summary>
    public int WordMentionCount => matches.WordMentions;

    /// <summary>How many matches were placed to rank the first page (the rest were only counted).</summary>
    public int PlacedCount => matches.Placed;

    /// <summary>The best <paramref name="count"/> matches, best first.</summary>
    public IReadOnlyList<RankedCandidate> Top(int count) => matches.Top(count);

    /// <summary>The facets over every match, counted once per result however many pages or requests ask for them.</summary>
    public SearchFacets Facets => facets ??= matches.Facets();

    /// <summary>The hit at this rank with its matched skills and the reasons for its score.</summary>
    public ExpertMatch Explain(int rank)
    {
        if (explained.TryGetValue(rank, out var known))
        {
            return known;
        }

        var hit = matches.Top(rank + 1)[rank];
        // No text relevance: none of the query's words is in their name, headline or bio, so there is nothing to point at.
        // Two callers explaining one rank at once both work it out; the first one kept is the one every caller gets.
        return explained.GetOrAdd(rank, Ranker.Explain(hit.Candidate, hit.Candidate.TextRelevance > 0 ? matches.TextDetail(hit.Candidate.PersonId) : null));
    }
}
