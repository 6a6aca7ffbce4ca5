using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

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

    /// <summary>Facets from counts already made (zero counts dropped, the largest first, ties by value).</summary>
    public static SearchFacets From(
        IEnumerable<(Skill Skill, int Count)> skills, IEnumerable<(QualityDomain Domain, int Count)> domains,
        IReadOnlyDictionary<Guid, int> systems, IReadOnlyDictionary<OrganisationType, int> types) => new(
        [.. domains.Where(d => d.Count > 0).Select(d => new FacetCount<QualityDomain>(d.Domain, d.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Value)],
        [.. skills.Where(s => s.Count > 0).Select(s => new FacetCount<Skill>(s.Skill, s.Count))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value.Name, StringComparer.Ordinal).Take(MaxSkills)],
        [.. systems.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => new FacetCount<Guid>(p.Key, p.Value))],
        [.. types.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => new FacetCount<OrganisationType>(p.Key, p.Value))]);

    public static SearchFacets Count(IEnumerable<ExpertCandidate> candidates, SkillTaxonomy taxonomy, Func<Guid, Organisation?> organisation)
    {
        // Loops and a "last counted for" stamp per value, not LINQ and sets: this runs over every match.
        var skillPosition = taxonomy.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var skillCounts = new int[taxonomy.All.Count];
        var skillStamp = new int[taxonomy.All.Count];
        var domainCounts = new int[Enum.GetValues<QualityDomain>().Length];
        var domainStamp = new int[domainCounts.Length];
        var systems = new Dictionary<Guid, int>();
        var types = new Dictionary<OrganisationType, int>();
        var stamp = 0;
        Span<Guid> countedSystems = stackalloc Guid[8];
        Span<OrganisationType> countedTypes = stackalloc OrganisationType[8];
        foreach (var candidate in candidates)
        {
            stamp++;
            foreach (var holding in candidate.Skills)
            {
                if (!skillPosition.TryGetValue(holding.SkillId, out var position) || skillStamp[position] == stamp)
                {
                    continue;
                }

                skillStamp[position] = stamp;
                skillCounts[position]++;
                var domain = (int)taxonomy.All[position].Domain;
                if (domainStamp[domain] != stamp)
                {
                    domainStamp[domain] = stamp;
                    domainCounts[domain]++;
                }
            }

            var systemCount = 0;
            var typeCount = 0;
            foreach (var employerId in candidate.CurrentOrganisationIds)
            {
                if (organisation(employerId) is not { } employer)
                {
                    continue;
                }

                if (employer.IntegratedCareSystemId is { } ics && systemCount < countedSystems.Length && !countedSystems[..systemCount].Contains(ics))
                {
                    countedSystems[systemCount++] = ics;
                    systems[ics] = systems.GetValueOrDefault(ics) + 1;
                }

                if (typeCount < countedTypes.Length && !countedTypes[..typeCount].Contains(employer.Type))
                {
                    countedTypes[typeCount++] = employer.Type;
                    types[employer.Type] = types.GetValueOrDefault(employer.Type) + 1;
                }
            }
        }

        return From(skillCounts.Select((count, i) => (taxonomy.All[i], count)), domainCounts.Select((count, d) => ((QualityDomain)d, count)), systems, types);
    }
}
