using BenchmarkDotNet.Attributes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// The read models at scale, in parts. What one profile write costs the read side: reading the changed person's rows
/// back from the store (the scoped loads) and applying them to the search index and the collaboration graph to make
/// their next snapshots. And where a cold start goes: reading each model's whole source and building it (side by side at
/// start, one per core). The freshness harness (<c>freshness</c>) measures the whole from outside the process.
/// </summary>
[MemoryDiagnoser]
public class ReadModelBenchmarks
{
    private BenchmarkNetwork network = null!;
    private IExpertiseStore store = null!;
    private ExpertIndex index = null!;
    private CollaborationGraph graph = null!;
    private SourceScope scope = null!;
    private SearchSource search = null!;
    private CollaborationSource collaboration = null!;
    private SearchSource renamed = null!;
    private SearchSource wholeSearch = null!;
    private CollaborationSource wholeCollaboration = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        network = await BenchmarkNetwork.CreateAsync();
        store = network.Services.GetRequiredService<IExpertiseStore>();
        index = await network.Services.GetRequiredService<ExpertIndexHost>().GetAsync(CancellationToken.None);
        graph = await network.Services.GetRequiredService<CollaborationGraphHost>().GetAsync(CancellationToken.None);
        var someone = Enumerable.Range(0, graph.PeopleCount).First(p => graph.Neighbours(p).Length >= 3 && graph.Visible(p, new Viewer(null, true, true)));
        scope = new SourceScope(new HashSet<Guid> { graph.PersonId(someone) }, new HashSet<Guid>(), new HashSet<Guid>());
        search = await store.LoadSearchSourceAsync(scope, CancellationToken.None);
        collaboration = await store.LoadCollaborationSourceAsync(scope, CancellationToken.None);
        // A headline with a word nobody else uses: the vocabulary changes too, as it does for most real edits.
        renamed = search with { People = [.. search.People.Select(p => p with { Headline = "Improvement lead for flow and zymotic demand" })] };
        wholeSearch = await store.LoadSearchSourceAsync(CancellationToken.None);
        wholeCollaboration = await store.LoadCollaborationSourceAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await network.DisposeAsync();

    [Benchmark(Description = "store: one person's search rows (scoped load)")]
    public async Task<int> LoadSearchRows() => (await store.LoadSearchSourceAsync(scope, CancellationToken.None)).Holdings.Count;

    [Benchmark(Description = "store: one person's graph rows (scoped load)")]
    public async Task<int> LoadGraphRows() => (await store.LoadCollaborationSourceAsync(scope, CancellationToken.None)).Contributions.Count;

    [Benchmark(Description = "search index: apply one person's headline edit")]
    public int ApplyToIndex() => index.Apply(renamed, scope, index.Sequence + 1).PeopleCount;

    [Benchmark(Description = "collaboration graph: apply one person's edit")]
    public int ApplyToGraph() => graph.Apply(collaboration, scope, graph.Sequence + 1).LinkCount;

    [Benchmark(Description = "store: the search index's whole source")]
    public async Task<int> LoadWholeSearch() => (await store.LoadSearchSourceAsync(CancellationToken.None)).People.Count;

    [Benchmark(Description = "search index: built whole")]
    public int BuildIndex() => new ExpertIndex(wholeSearch, index.Taxonomy).PeopleCount;

    [Benchmark(Description = "store: the collaboration graph's whole source")]
    public async Task<int> LoadWholeGraph() => (await store.LoadCollaborationSourceAsync(CancellationToken.None)).Contributions.Count;

    [Benchmark(Description = "collaboration graph: built whole")]
    public int BuildGraph() => new CollaborationGraph(wholeCollaboration).LinkCount;
}
