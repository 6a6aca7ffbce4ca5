using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// What an operator sees: a log line per GraphQL request with its request id and operation name, spans for the
/// request, GraphQL execution and each store call, exported over OTLP only when configured; never personal data.
/// </summary>
public sealed class ObservabilityTests
{
    private const string Sentinel = "Zebedee Quillfeather";
    private const string NamedSearch = "query FindCoaches($q: String) { searchExperts(query: $q, first: 3) { totalCount edges { node { displayName } } } }";

    [Fact]
    public async Task EachRequestIsLoggedWithItsIdAndOperationNameButNeverItsVariables()
    {
        using var factory = new ApiFactory { Environment = "Production", CapturedLevel = LogLevel.Information, DemoPeople = 40 };
        factory.Settings["Auth:AllowLocalIssuerInProduction"] = "true";
        var people = await factory.Store.ListPeopleAsync(Viewers.Everyone, new PageRequest(0, 1), CancellationToken.None);
        var token = await factory.SignInAsync(people.Items[0]);

        await factory.QueryAsync(NamedSearch, new { q = Sentinel });
        await factory.QueryAsync("mutation Rename($h: String) { updateMyProfile(input: { headline: $h }) { id } }", new { h = Sentinel }, token);

        var lines = factory.Logged.Select(e => e.Message).ToList();
        Assert.Contains(lines, l => l.StartsWith("GraphQL query FindCoaches (request ", StringComparison.Ordinal) && l.Contains("): ok in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("GraphQL mutation Rename (request ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Sentinel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GraphQLExecutionAndStoreCallsAreTracedInsideTheRequestWithoutPersonalData()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "IcsExpertiseGraph" or "GraphQL",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var factory = new ApiFactory { DemoPeople = 40 };
        _ = factory.Store;

        var withEmployments = NamedSearch.Replace("displayName", "displayName employments { organisation { name } }", StringComparison.Ordinal);
        await factory.QueryAsync(withEmployments, new { q = Sentinel });
        var found = await factory.QueryAsync(withEmployments.Replace("FindCoaches", "FindLean", StringComparison.Ordinal), new { q = "lean" });

        Assert.NotEmpty(found["data"]!["searchExperts"]!["edges"].Arr());
        var execution = Assert.Single(stopped, a => a.Source.Name == "GraphQL" && Equals(a.GetTagItem("graphql.operation.name"), "FindLean"));
        Assert.Contains(stopped, a => a.DisplayName == "store GetEmploymentsOfPeopleAsync" && a.TraceId == execution.TraceId);
        Assert.DoesNotContain(stopped.SelectMany(a => a.TagObjects), t => t.Value?.ToString()?.Contains(Sentinel, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void WithoutAnOtlpEndpointNoTelemetrySdkRuns()
    {
        using var factory = new ApiFactory { DemoPeople = 20 };

        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task WithAnOtlpEndpointTracesAndMetricsAreExported()
    {
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        var port = ((IPEndPoint)collector.LocalEndpoint).Port;
        var received = CollectAsync(collector, "/v1/traces", "/v1/metrics");
        var factory = new ApiFactory { DemoPeople = 20 };
        factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}";
        factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";

        await factory.QueryAsync(NamedSearch, new { q = "lean" });
        factory.Dispose(); // flushes the exporters

        Assert.Equal(["POST /v1/metrics HTTP/1.1", "POST /v1/traces HTTP/1.1"], (await received.WaitAsync(TimeSpan.FromSeconds(30))).Order());
    }

    /// <summary>A stand-in OTLP collector: answers 200 to everything and keeps the first request line for each path.</summary>
    private static async Task<List<string>> CollectAsync(TcpListener listener, params string[] paths)
    {
        var seen = new Dictionary<string, string>();
        while (seen.Count < paths.Length)
        {
            using var socket = await listener.AcceptTcpClientAsync();
            await using var stream = socket.GetStream();
            using var reader = new StreamReader(stream);
            var line = await reader.ReadLineAsync() ?? "";
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            if (paths.FirstOrDefault(p => line.Contains(p, StringComparison.Ordinal)) is { } path)
            {
                seen.TryAdd(path, line);
            }
        }

        return [.. seen.Values];
    }
}
