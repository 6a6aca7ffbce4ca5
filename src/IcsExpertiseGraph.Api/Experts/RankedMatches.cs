using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>Matches the store found and the ranker ranked whole (the path without the in-memory index).</summary>
internal sealed class RankedMatches(IReadOnlyList<RankedCandidate> ranked, SkillTaxonomy taxonomy, Func<Guid, Organisation?> organisation) : ISearchMatches
{
    public int Count => ranked.Count;

    public int SkillHolders => ranked.Count(r => r.Met > 0);

    public int WordMentions => Count - SkillHolders;

    /// <summary>Everyone: the store's path ranks every match.</summary>
    public int Placed => ranked.Count;

    public IReadOnlyList<RankedCandidate> Top(int count) => ranked.Count <= count ? ranked : ranked.Take(count).ToList();

    public string? TextDetail(Guid personId) => null;

    public SearchFacets Facets() => SearchFacets.Count(ranked.Select(r => r.Candidate), taxonomy, organisation);
}
