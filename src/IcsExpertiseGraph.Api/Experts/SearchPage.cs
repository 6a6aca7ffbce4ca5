
namespace IcsExpertiseGraph.Api.Experts;

/// <summary>The result of searchExperts: one page of hits, the total, and facet counts over every match.</summary>
public sealed record SearchPage(SearchOutcome Outcome, IReadOnlyList<SearchHit> Hits, int Offset);
