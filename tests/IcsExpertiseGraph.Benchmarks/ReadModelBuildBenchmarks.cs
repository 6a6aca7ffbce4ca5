using BenchmarkDotNet.Attributes;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// Where a cold start goes: reading each read model's whole source from the store, and building the model from it
/// (the two are read and built side by side at start, one per core).
/// </summary>
[MemoryDiagnoser]
public class ReadModelBuildBenchmarks
{
    private BenchmarkNetwork network = null!;
    private IExpertiseStore store = null!;
    private SearchSource search = null!;
    private CollaborationSource collaboration = null!;
    private SkillTaxonomy taxonomy = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        network = await BenchmarkNetwork.CreateAsync();
        store = network.Services.GetRequiredService<IExpertiseStore>();
        search = await store.LoadSearchSourceAsync(CancellationToken.None);
        collaboration = await store.LoadCollaborationSourceAsync(CancellationToken.None);
        taxonomy = await network.Services.GetRequiredService<SkillCatalog>().GetAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await network.DisposeAsync();

    [Benchmark(Description = "store: the search index's whole source")]
    public async Task<int> LoadSearch() => (await store.LoadSearchSourceAsync(CancellationToken.None)).People.Count;

    [Benchmark(Description = "search index: built whole")]
    public int BuildIndex() => new ExpertIndex(search, taxonomy).PeopleCount;

    [Benchmark(Description = "store: the collaboration graph's whole source")]
    public async Task<int> LoadGraph() => (await store.LoadCollaborationSourceAsync(CancellationToken.None)).Contributions.Count;

    [Benchmark(Description = "collaboration graph: built whole")]
    public int BuildGraph() => new CollaborationGraph(collaboration).LinkCount;
}
