using BenchmarkDotNet.Attributes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// The collaboration graph at scale, as the resolvers run it for a signed-in member: a warm path between
/// people four introductions apart, a two-hop neighbourhood, and an ICS's expertise coverage.
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private static readonly Viewer Member = new(null, IsMember: true, IsAdmin: false);
    private BenchmarkNetwork network = null!;
    private CollaborationGraph graph = null!;
    private ExpertIndex index = null!;
    private (int From, int To)[] pairs = [];
    private int centre;
    private Guid ics;
    private IReadOnlyList<Place> places = [];
    private int next;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        network = await BenchmarkNetwork.CreateAsync();
        graph = await network.Services.GetRequiredService<CollaborationGraphHost>().CatchUpAsync(CancellationToken.None);
        index = await network.Services.GetRequiredService<ExpertIndexHost>().GetAsync(CancellationToken.None);
        bool visible(int p) => graph.Visible(p, Member);
        centre = Enumerable.Range(0, graph.PeopleCount).First(p => visible(p) && graph.Neighbours(p).Length >= 3);
        // Pairs exactly four introductions apart, found by walking out from people with links.
        pairs = [.. Enumerable.Range(0, graph.PeopleCount).Where(p => visible(p) && graph.Neighbours(p).Length > 0).Take(400)
            .Select(from => (from, to: GraphAlgorithms.Around(graph, from, 4, 100_000, visible).People.LastOrDefault(p => GraphAlgorithms.ShortestPath(graph, from, p, 6, visible)?.Links.Count == 4, -1)))
            .Where(pair => pair.to >= 0).Take(20)];
        ics = graph.SystemOf(centre)!.Value;
        places = (await network.Services.GetRequiredService<IExpertiseStore>()
            .GetPlacesOfIntegratedCareSystemsAsync([ics], CancellationToken.None)).GetValueOrDefault(ics) ?? [];
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await network.DisposeAsync();

    [Benchmark(Description = "collaborationPath (4 hops apart)")]
    public int Path()
    {
        var (from, to) = pairs[next++ % pairs.Length];
        var path = GraphAlgorithms.ShortestPath(graph, from, to, 6, p => graph.Visible(p, Member))!;
        return path.People.Select(graph.PersonId).Count() + path.Links.Select(graph.MostRecentProject).Count();
    }

    [Benchmark(Description = "collaborationNetwork (2 hops, limit 200)")]
    public int Neighbourhood()
    {
        var found = GraphAlgorithms.Around(graph, centre, 2, 200, p => graph.Visible(p, Member));
        return found.Links.Sum(l => graph.ProjectsOf(l.Link).Count()) + found.People.Count;
    }

    [Benchmark(Description = "expertiseCoverage (one ICS)")]
    public int Coverage() => NetworkReports.Coverage(index, ics, places, Member).Gaps.Count;
}
