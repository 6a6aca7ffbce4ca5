using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// End-to-end latency over HTTP on loopback: the real endpoint and pipeline, one keep-alive connection, requests
/// one after another. Each query is sent 50 times to warm up, then measured 300 times; medians and p95 are
/// reported with their ratio to the <c>{ __typename }</c> floor measured in the same run.
/// Run: dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- http
/// </summary>
public static class HttpProbe
{
    private const int Warmup = 50;
    private const int Measured = 300;

    public static async Task<int> RunAsync()
    {
        await using var network = await BenchmarkNetwork.CreateAsync(listen: true);
        var services = network.Services;
        var store = services.GetRequiredService<IExpertiseStore>();
        var graph = await services.GetRequiredService<CollaborationGraphHost>().CatchUpAsync(CancellationToken.None);
        var admin = new Viewer(null, true, true);
        var manager = (await store.ListPeopleAsync(admin, new PageRequest(0, 50), CancellationToken.None)).Items.First(p => p.Visibility == Visibility.Public && p.Email is not null);
        var token = services.GetRequiredService<LocalIssuer>().Issue("local:" + manager.Id.ToString("D"), manager.Email, manager.DisplayName, [Roles.NetworkManager], DateTimeOffset.UtcNow);
        var member = new Viewer(null, true, false);
        bool visible(int p) => graph.Visible(p, member);
        var centre = Enumerable.Range(0, graph.PeopleCount).First(p => visible(p) && graph.Neighbours(p).Length >= 3);
        var far = GraphAlgorithms.Around(graph, centre, 4, 100_000, visible).People.Last(p => GraphAlgorithms.ShortestPath(graph, centre, p, 6, visible)?.Links.Count == 4);
        var (person, other) = (GlobalId.Encode("Person", graph.PersonId(centre)), GlobalId.Encode("Person", graph.PersonId(far)));
        var ics = GlobalId.Encode("IntegratedCareSystem", graph.SystemOf(centre)!.Value);

        using var client = new HttpClient { BaseAddress = network.Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var queries = new (string Name, string Query)[]
        {
            ("{ __typename } (floor)", "{ __typename }"),
            ("collaborationPath (4 hops)", $$"""{ collaborationPath(from: "{{person}}", to: "{{other}}") { length people { id displayName } projects { id title } } }"""),
            ("collaborationNetwork (2 hops, limit 200)", $$"""{ collaborationNetwork(around: "{{person}}", hops: 2) { truncated nodes { person { id } } edges { from to weight } } }"""),
            ("expertiseCoverage (one ICS)", $$"""{ expertiseCoverage(icsId: "{{ics}}") { peopleCounted domains { domain expertCount practitionerCount organisationCount placeCount share } gaps { id } balance { statement } } }"""),
            ("searchExperts (text + filters, page of 20)", """{ searchExperts(query: "SPC and systems thinking", filter: { availableOnly: true, openToCrossOrganisation: true }) { totalCount edges { score node { id displayName } } } }"""),
        };

        var results = new List<(string Name, double Median, double P95)>();
        foreach (var (name, query) in queries)
        {
            var body = JsonSerializer.Serialize(new { query });
            for (var i = 0; i < Warmup; i++)
            {
                await SendAsync(client, body);
            }

            var timings = new double[Measured];
            for (var i = 0; i < Measured; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await SendAsync(client, body);
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(timings);
            results.Add((name, timings[Measured / 2], timings[(int)(Measured * 0.95)]));
        }

        var floor = results[0].Median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HTTP on loopback, {BenchmarkNetwork.People:N0} people, {Measured} sequential requests each after {Warmup} warm-up:"));
        Console.WriteLine("| query | median ms | p95 ms | median / floor |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, median, p95) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:F3} | {p95:F3} | {median / floor:F1}x |"));
        }

        return 0;
    }

    private static async Task SendAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("graphql", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The probe's query failed: {text}");
        }
    }
}
