using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed record FacetCount<T>(T Value, int Count);

/// <summary>
/// Counts over the whole filtered result (never just the page), one per person: a person holding three
/// improvement skills counts once for QUALITY_IMPROVEMENT. Only visible people are candidates, so hidden
/// people are never counted.
/// </summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount<QualityDomain>> Domains,
    IReadOnlyList<FacetCount<Skill>> Skills,
    IReadOnlyList<FacetCount<Guid>> IntegratedCareSystems,
    IReadOnlyList<FacetCount<OrganisationType>> OrganisationTypes)
{
    /// <summary>The skill facet lists the most held skills; the rest are in the taxonomy.</summary>
    public const int MaxSkills = 30;

    public static SearchFacets Count(IEnumerable<ExpertCandidate> candidates, SkillTaxonomy taxonomy, Func<Guid, Organisation?> organisation)
    {
        var domains = new Dictionary<QualityDomain, int>();
        var skills = new Dictionary<Guid, int>();
        var systems = new Dictionary<Guid, int>();
        var types = new Dictionary<OrganisationType, int>();
        foreach (var candidate in candidates)
        {
            var held = candidate.Skills.Select(s => taxonomy.Find(s.SkillId)).OfType<Skill>().ToList();
            Increment(domains, held.Select(s => s.Domain));
            Increment(skills, held.Select(s => s.Id));
            var employers = candidate.CurrentOrganisationIds.Select(organisation).OfType<Organisation>().ToList();
            Increment(systems, employers.Select(o => o.IntegratedCareSystemId).OfType<Guid>());
            Increment(types, employers.Select(o => o.Type));
        }

        return new SearchFacets(
            [.. domains.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => new FacetCount<QualityDomain>(p.Key, p.Value))],
            [.. skills.Select(p => new FacetCount<Skill>(taxonomy.Find(p.Key)!, p.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value.Name, StringComparer.Ordinal).Take(MaxSkills)],
            [.. systems.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => new FacetCount<Guid>(p.Key, p.Value))],
            [.. types.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => new FacetCount<OrganisationType>(p.Key, p.Value))]);
    }

    private static void Increment<T>(Dictionary<T, int> counts, IEnumerable<T> values) where T : notnull
    {
        foreach (var value in values.Distinct())
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
    }
}
