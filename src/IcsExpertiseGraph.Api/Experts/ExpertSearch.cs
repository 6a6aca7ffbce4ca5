using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>What a caller asked for in <c>searchExperts</c>, ids already decoded and checked.</summary>
public sealed record ExpertFilter(
    IReadOnlyList<Guid> SkillIds,
    SkillLevel? MinLevel,
    IReadOnlyList<QualityDomain> Domains,
    IReadOnlyList<Guid> IntegratedCareSystemIds,
    IReadOnlyList<Guid> PlaceIds,
    IReadOnlyList<OrganisationType> OrganisationTypes,
    bool AvailableOnly,
    bool? OpenToCrossOrganisation)
{
    public static ExpertFilter None { get; } = new([], null, [], [], [], [], false, null);
}

/// <summary>
/// Expert search: turns the typed need into store criteria (terms, the skills it names, the filter with
/// narrower skills included), asks the store for visible candidates, and ranks them.
/// </summary>
public sealed class ExpertSearch(IExpertiseStore store, SkillCatalog catalog)
{
    public async Task<IReadOnlyList<RankedExpert>> SearchAsync(string? query, ExpertFilter filter, Viewer viewer, CancellationToken cancellationToken)
    {
        var skills = await catalog.GetAsync(cancellationToken);
        var named = SkillsNamedIn(query, skills.All);
        var filterSkills = filter.SkillIds.SelectMany(skills.WithDescendants).Distinct().ToList();
        var relevant = named.SelectMany(skills.WithDescendants).Concat(filterSkills).ToHashSet();
        var criteria = new ExpertCriteria(
            SearchText.Terms(query), filterSkills, filter.MinLevel, filter.Domains, filter.IntegratedCareSystemIds, filter.PlaceIds,
            filter.OrganisationTypes, filter.AvailableOnly, filter.OpenToCrossOrganisation, relevant);
        var candidates = await store.FindExpertCandidatesAsync(criteria, viewer, cancellationToken);
        return ExpertRanker.Rank(candidates);
    }

    /// <summary>
    /// Skills whose name or an alias appears in the query as whole words ("spc", "systems thinking"); when the
    /// query names none, skills whose names contain one of its words ("improvement" gives Model for Improvement).
    /// </summary>
    internal static IReadOnlyList<Guid> SkillsNamedIn(string? query, IReadOnlyList<Skill> skills)
    {
        var words = SearchText.Words(query).Select(SearchText.Singular).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        var labelled = skills.Select(skill => (skill.Id, Labels: skill.Aliases.Prepend(skill.Name)
            .Select(label => SearchText.Words(label).Select(SearchText.Singular).ToArray())
            .Where(label => label.Length > 0)
            .ToList())).ToList();
        var named = labelled.Where(s => s.Labels.Any(label => ContainsRun(words, label))).Select(s => s.Id).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var terms = SearchText.Terms(query).Select(SearchText.Singular).Where(t => t.Length >= 4).ToHashSet();
        return [.. labelled.Where(s => s.Labels.Any(label => label.Any(terms.Contains))).Select(s => s.Id)];
    }

    private static bool ContainsRun(string[] haystack, string[] needle)
    {
        for (var start = 0; start + needle.Length <= haystack.Length; start++)
        {
            if (haystack.AsSpan(start, needle.Length).SequenceEqual(needle))
            {
                return true;
            }
        }

        return false;
    }
}
