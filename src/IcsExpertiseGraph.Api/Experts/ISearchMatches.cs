namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Every visible match of one search, placed: the group each is in, how many are in each, the best ones on demand
/// (<see cref="Top"/>), where the words matched, and facet counts over all of them.
/// </summary>
public interface ISearchMatches
{
    int Count { get; }

    /// <summary>How many hold at least one of the skills asked for (or a narrower one).</summary>
    int SkillHolders { get; }

    /// <summary>How many hold none of them but were found by their words (or, with nothing asked for, everyone else).</summary>
    int WordMentions { get; }

    /// <summary>
    /// How many matches had their group and bound worked out to rank the page prepared (the rest were only counted): at
    /// most <see cref="Count"/>; fewer when the people meeting every skill asked for were enough for the page.
    /// </summary>
    int Placed { get; }

    /// <summary>The best <paramref name="count"/> matches (fewer when there are fewer), best first.</summary>
    IReadOnlyList<RankedCandidate> Top(int count);

    /// <summary>Where the query's words are in this person's text, for the explanation; null for the generic sentence.</summary>
    string? TextDetail(Guid personId);

    /// <summary>Counts over every match.</summary>
    SearchFacets Facets();
}
