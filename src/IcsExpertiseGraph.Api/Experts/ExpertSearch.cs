using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Expert search: recognises the skills a need names (with narrower ones), asks for the visible candidates
/// that match the text or hold those skills and pass the filter, and ranks them with the shared ranker.
/// Candidates come from the in-memory index, or from the store when the index is switched off.
/// </summary>
public sealed class ExpertSearch(IExpertiseStore store, SkillCatalog catalog, ExpertIndexHost index, IOptions<SearchOptions> options, TimeProvider clock, ReadYourWrites writes)
    : IDisposable
{
    public const int MaxQueryLength = 200;

    /// <summary>
    /// Broad searches placing their matches at once: no more than there are cores. Placing is CPU work (hundreds of
    /// milliseconds for a broad need at a million people); the broad searches beyond wait without holding a thread, so a
    /// write, a person page or a narrow search arriving meanwhile still finds a thread and a share of a core instead of
    /// queueing behind them. A search reaching fewer than <see cref="BroadReach"/> people goes straight through.
    /// </summary>
    private readonly SemaphoreSlim placing = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>People looked at (holders and postings) from which a search counts as broad: a few milliseconds of work.</summary>
    private const long BroadReach = 20_000;

    public void Dispose() => placing.Dispose();

    /// <summary>
    /// A search's outcome, its first <paramref name="prepare"/> hits ranked before it returns, and its facets counted with it
    /// when <paramref name="facets"/> says they will be asked for (asked later, they cost a second pass).
    /// </summary>
    public async Task<SearchOutcome> SearchAsync(string? query, ExpertFilter filter, Viewer viewer, CancellationToken cancellationToken, int prepare = 20, bool facets = false)
    {
        if (query?.Length > MaxQueryLength)
        {
            throw new BadUserInputError("query", $"query is longer than {MaxQueryLength} characters; describe the need in fewer words.");
        }

        var memory = options.Value.MemoryIndex ? await index.GetAsync(cancellationToken, writes.MinimumFor(viewer)) : null;
        var now = clock.GetUtcNow();
        var key = memory is null || !options.Value.ResultCache ? null : SearchResultCache.Key(query, filter, memory.ViewKey(viewer));
        if (key is not null && memory!.Results.TryGet(key, now, out var cached))
        {
            return cached;
        }

        var taxonomy = memory?.Taxonomy ?? await catalog.GetAsync(cancellationToken);
        // An id of all zeros is an id like any other that names no skill (FirstOrDefault's default could not tell it apart).
        if (filter.SkillIds.Where(id => taxonomy.Find(id) is null).Select(id => (Guid?)id).FirstOrDefault() is { } unknown)
        {
            throw new BadUserInputError("filter.skillIds", $"There is no skill with id {GlobalId.Encode("Skill", unknown)}.");
        }

        var meaning = Vocabulary.Understand(query, taxonomy);
        var named = meaning.Concepts;
        var concepts = named
            .Concat(filter.SkillIds.Select(id => taxonomy.ConceptFor([taxonomy.Find(id)!], taxonomy.Find(id)!.Name, ConceptSource.Filter)))
            .Concat(filter.Domains.Select(taxonomy.ConceptForDomain))
            .DistinctBy(c => string.Join(',', c.Roots.Select(r => r.Id).Order()))
            .ToList();
        // The words of a recognised skill name are that skill: they reach text only together (Phrases), never one by one.
        var criteria = new ExpertCriteria(
            meaning.FreeTerms,
            named.SelectMany(c => c.SkillIds).ToHashSet(),
            [.. filter.SkillIds.SelectMany(taxonomy.WithDescendants).Distinct()],
            filter.MinLevel, filter.Domains, filter.IntegratedCareSystemIds, filter.PlaceIds, filter.OrganisationTypes,
            filter.AvailableOnly, filter.OpenToCrossOrganisation)
        {
            Phrases = meaning.Phrases,
            NameWords = meaning.AllTerms,
        };

        var ranker = new ExpertRanker(taxonomy, concepts, now);
        ISearchMatches matches;
        if (memory is not null)
        {
            var broad = memory.Reach(criteria) >= BroadReach;
            if (broad)
            {
                await placing.WaitAsync(cancellationToken);
            }

            try
            {
                matches = memory.Search(criteria, ranker, viewer, prepare, facets);
            }
            finally
            {
                if (broad)
                {
                    placing.Release();
                }
            }
        }
        else
        {
            var (candidates, organisations) = await FindAsync(criteria, viewer, null, cancellationToken);
            matches = new RankedMatches(ranker.Rank(candidates), taxonomy, await organisations(cancellationToken));
        }

        var outcome = new SearchOutcome(matches, ranker);
        if (key is not null)
        {
            memory!.Results.Add(key, outcome, now);
        }

        return outcome;
    }

    /// <summary>
    /// A result worked out once per index snapshot and kind of viewer (similar experts, team proposals), when the
    /// index and its result cache are on; otherwise worked out every time.
    /// </summary>
    public async Task<T> RememberAsync<T>(string key, Viewer viewer, Func<Task<T>> compute, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!options.Value.MemoryIndex || !options.Value.ResultCache)
        {
            return await compute();
        }

        var memory = await index.GetAsync(cancellationToken, writes.MinimumFor(viewer));
        return await memory.MemoAsync($"{key}|{memory.ViewKey(viewer)}", compute);
    }

    /// <summary>The taxonomy the candidates will be judged against: the index's own, or the catalog's.</summary>
    public async Task<SkillTaxonomy> TaxonomyAsync(CancellationToken cancellationToken) =>
        options.Value.MemoryIndex ? (await index.GetAsync(cancellationToken)).Taxonomy : await catalog.GetAsync(cancellationToken);

    /// <summary>Visible candidates for the criteria, from the index when it is on, else from the store; and a way to look up their employers.</summary>
    public async Task<(IReadOnlyList<ExpertCandidate> Candidates, EmployerLookup Organisations)> FindAsync(
        ExpertCriteria criteria, Viewer viewer, CancellationToken cancellationToken) =>
        await FindAsync(criteria, viewer, options.Value.MemoryIndex ? await index.GetAsync(cancellationToken, writes.MinimumFor(viewer)) : null, cancellationToken);

    private async Task<(IReadOnlyList<ExpertCandidate>, EmployerLookup)> FindAsync(
        ExpertCriteria criteria, Viewer viewer, ExpertIndex? memory, CancellationToken cancellationToken)
    {
        if (memory is not null)
        {
            return (memory.FindCandidates(criteria, viewer), _ => Task.FromResult<Func<Guid, Organisation?>>(memory.Organisation));
        }

        var candidates = await store.FindExpertCandidatesAsync(criteria, viewer, cancellationToken);
        return (candidates, async ct =>
        {
            var ids = candidates.SelectMany(c => c.CurrentOrganisationIds).Distinct().ToList();
            var found = await store.GetOrganisationsAsync(ids, ct);
            return id => found.GetValueOrDefault(id);
        });
    }
}
