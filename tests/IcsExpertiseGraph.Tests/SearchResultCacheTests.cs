using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The ranked results kept between requests on one index snapshot: a result is reused for a minute and not after, the
/// cache never holds more ranked people than its budget and drops the least recently used results first, and two
/// searches share a result only when everything that decides it (words, filter, whom the viewer may see) is the same.
/// </summary>
public sealed class SearchResultCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A result of this many people; the cache reads only the count (the ranker is not needed to keep it).</summary>
    private static SearchOutcome Result(int people) => new(new Matches(people), null!);

    private sealed class Matches(int count) : ISearchMatches
    {
        public int Count => count;

        public int SkillHolders => count;

        public int WordMentions => 0;

        public int Placed => count;

        public IReadOnlyList<RankedCandidate> Top(int count) => [];

        public string? TextDetail(Guid personId) => null;

        public SearchFacets Facets() => throw new NotSupportedException();
    }

    [Fact]
    public void AResultIsReusedForAMinuteAndNotAfter()
    {
        var cache = new SearchResultCache();
        var result = Result(10);
        cache.Add("lean", result, Start);

        Assert.True(cache.TryGet("lean", Start.AddSeconds(59), out var found));
        Assert.Same(result, found);
        Assert.False(cache.TryGet("lean", Start.AddMinutes(1), out _));
        Assert.False(cache.TryGet("kanban", Start, out _));
    }

    [Fact]
    public void AtItsBudgetTheCacheDropsTheLeastRecentlyUsedResultFirst()
    {
        // Two results of half the budget each fill it; the first is asked for again, so the second is the least
        // recently used and makes way for a third of one person. A result asked for again is kept ahead of newer ones.
        var cache = new SearchResultCache();
        var half = SearchResultCache.Budget / 2;
        var (first, second, third) = (Result(half), Result(half), Result(1));
        cache.Add("first", first, Start);
        cache.Add("second", second, Start);
        Assert.True(cache.TryGet("first", Start, out _));

        cache.Add("third", third, Start);

        Assert.True(cache.TryGet("first", Start, out var found));
        Assert.Same(first, found);
        Assert.False(cache.TryGet("second", Start, out _));
        Assert.True(cache.TryGet("third", Start, out found));
        Assert.Same(third, found);
    }

    [Fact]
    public void AResultOfMorePeopleThanTheBudgetIsNotKeptAndOneOfExactlyTheBudgetTakesItAll()
    {
        var cache = new SearchResultCache();
        cache.Add("small", Result(5), Start);

        cache.Add("too big", Result(SearchResultCache.Budget + 1), Start);
        Assert.False(cache.TryGet("too big", Start, out _));
        Assert.True(cache.TryGet("small", Start, out _));

        cache.Add("whole", Result(SearchResultCache.Budget), Start);
        Assert.True(cache.TryGet("whole", Start, out _));
        Assert.False(cache.TryGet("small", Start, out _));

        // A result with nobody in it still takes a place.
        cache.Add("nobody", Result(0), Start);
        Assert.True(cache.TryGet("nobody", Start, out _));
        Assert.False(cache.TryGet("whole", Start, out _));
    }

    [Fact]
    public void ASearchKeptAgainReplacesItsOlderResultAndFreesItsPlace()
    {
        // The same search kept twice holds one place: a result filling the rest of the budget leaves the newer one.
        var cache = new SearchResultCache();
        var (older, newer) = (Result(1), Result(1));
        cache.Add("lean", older, Start);
        cache.Add("lean", newer, Start.AddSeconds(30));
        cache.Add("the rest", Result(SearchResultCache.Budget - 1), Start.AddSeconds(30));

        Assert.True(cache.TryGet("lean", Start.AddSeconds(80), out var found));
        Assert.Same(newer, found);
        Assert.True(cache.TryGet("the rest", Start.AddSeconds(80), out _));
    }

    [Fact]
    public void TheKeyTellsApartEverythingThatDecidesAResultAndNothingElse()
    {
        var (skill, other) = (Guid.NewGuid(), Guid.NewGuid());
        var filter = ExpertFilter.None with { SkillIds = [skill, other] };
        var key = SearchResultCache.Key(" lean ", filter, "member");

        Assert.Equal(key, SearchResultCache.Key("lean", filter with { SkillIds = [other, skill] }, "member"));
        Assert.Equal(SearchResultCache.Key(null, ExpertFilter.None, "member"), SearchResultCache.Key("", ExpertFilter.None, "member"));
        string[] different =
        [
            SearchResultCache.Key("lean", filter, "admin"),
            SearchResultCache.Key("lean six sigma", filter, "member"),
            SearchResultCache.Key(null, filter, "member"),
            SearchResultCache.Key("lean", filter with { SkillIds = [skill] }, "member"),
            SearchResultCache.Key("lean", filter with { MinLevel = SkillLevel.Expert }, "member"),
            SearchResultCache.Key("lean", filter with { Domains = [QualityDomain.SystemsThinking] }, "member"),
            SearchResultCache.Key("lean", filter with { IntegratedCareSystemIds = [Guid.NewGuid()] }, "member"),
            SearchResultCache.Key("lean", filter with { PlaceIds = [Guid.NewGuid()] }, "member"),
            SearchResultCache.Key("lean", filter with { OrganisationTypes = [OrganisationType.AcuteTrust] }, "member"),
            SearchResultCache.Key("lean", filter with { AvailableOnly = true }, "member"),
            SearchResultCache.Key("lean", filter with { OpenToCrossOrganisation = true }, "member"),
            SearchResultCache.Key("lean", filter with { OpenToCrossOrganisation = false }, "member"),
        ];
        Assert.Equal(different.Length + 1, different.Append(key).Distinct().Count());
    }
}
