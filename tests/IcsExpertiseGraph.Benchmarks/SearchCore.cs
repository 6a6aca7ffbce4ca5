using System.Diagnostics;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// The search itself without HTTP or GraphQL, over an existing database: the never-repeated search bodies of the harness
/// (JSON lines from <c>search-bodies</c>) answered one after another on one thread, as the resolver asks (the first page
/// ranked and explained, facets when the body asks for them), result cache off. Prints the median and tail wall time and
/// the process's CPU time per search: a figure to compare changes by on a shared machine, not a target. It also prints a
/// digest of every answer (counts, facets, the page's people, scores and reasons), worked out outside the timed part: a
/// change meant to make search faster without changing what it answers must leave the digest as it was.
/// Run: dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- search-core DB BODIES [COUNT]
/// </summary>
public static class SearchCore
{
    public static async Task<int> RunAsync(string databasePath, string bodiesPath, int count)
    {
        var builder = WebApplication.CreateBuilder(["--environment", "Production", "--Storage:Sqlite:Path", databasePath, "--Seed:DemoOnEmpty", "false", "--Search:ResultCache", "false"]);
        builder.Logging.ClearProviders();
        builder.Services.AddExpertiseAuthentication(builder.Configuration, builder.Environment);
        builder.Services.AddExpertiseStore(builder.Configuration);
        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddExperts(builder.Configuration);
        builder.Services.AddNetwork();
        builder.Services.AddInvitations(builder.Configuration);
        builder.Services.AddExpertiseGraphQL(builder.Configuration, builder.Environment);
        // One moment for every search, the same for every run on one day (midnight UTC): freshness depends on the clock, and
        // a score moving in its last decimal between runs would change the digest of answers that did not change.
        builder.Services.AddSingleton<TimeProvider>(new StoppedClock(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero)));
        await using var app = builder.Build();
        var clock = Stopwatch.StartNew();
        await app.Services.GetRequiredService<ExpertIndexHost>().CatchUpAsync(CancellationToken.None);
        Console.WriteLine($"index built in {clock.Elapsed.TotalSeconds:F1} s");
        var search = app.Services.GetRequiredService<ExpertSearch>();
        var viewer = new Viewer(Guid.NewGuid(), IsMember: true, IsNetworkManager: true, IsAdmin: false);
        var bodies = File.ReadLines(bodiesPath).Select(line => JsonNode.Parse(line)!).ToList();
        var warmup = Math.Min(300, bodies.Count / 4);
        var times = new List<double>();
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var slowest = new List<(double Ms, string Body)>();
        var process = Process.GetCurrentProcess();
        TimeSpan cpuStart = default;
        long allocatedStart = 0;
        var pausedStart = TimeSpan.Zero;
        var collectionsStart = new int[3];
        for (var i = 0; i < Math.Min(bodies.Count, warmup + count); i++)
        {
            if (i == warmup)
            {
                process.Refresh();
                cpuStart = process.TotalProcessorTime;
                allocatedStart = GC.GetTotalAllocatedBytes();
                pausedStart = GC.GetTotalPauseDuration();
                collectionsStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            }

            var body = bodies[i];
            var started = Stopwatch.GetTimestamp();
            var facets = body["query"]!.GetValue<string>().Contains("facets", StringComparison.Ordinal);
            var outcome = await search.SearchAsync(body["variables"]!["q"]?.GetValue<string>(), Filter(body["variables"]!["f"]), viewer, CancellationToken.None, facets: facets);
            for (var rank = 0; rank < outcome.Top(20).Count; rank++)
            {
                _ = outcome.Explain(rank);
            }

            if (facets)
            {
                _ = outcome.Facets;
            }

            if (i >= warmup)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                slowest.Add((times[^1], body["variables"]!.ToJsonString()));
            }

            digest.AppendData(Describe(outcome, facets));
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / times.Count;
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedStart) / times.Count / 1024.0;
        // Pauses as a share of the measured searches' wall time: a process whose collections are slow (a large young
        // generation to mark, the index not yet promoted) shows it here rather than as slower search code.
        var paused = (GC.GetTotalPauseDuration() - pausedStart).TotalMilliseconds;
        var collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsStart[g]));
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)(p * times.Count))];
        Console.WriteLine($"{times.Count} searches: p50 {At(0.5):F2} ms, p90 {At(0.9):F2} ms, p99 {At(0.99):F2} ms, max {times[^1]:F2} ms; CPU {cpu:F2} ms a search; {allocated:F0} KB allocated a search; collections gen0/1/2 {collections}, paused {paused:F0} ms ({paused / times.Sum():P1} of the searches' time)");
        Console.WriteLine($"answers digest: {Convert.ToHexString(digest.GetHashAndReset())[..16]}");
        foreach (var (ms, text) in slowest.OrderByDescending(s => s.Ms).Take(10))
        {
            Console.WriteLine($"  {ms,8:F2} ms  {text}");
        }

        return 0;
    }

    /// <summary>What a caller sees of one answer, as bytes: the counts, the facets asked for, and each hit of the page.</summary>
    private static byte[] Describe(SearchOutcome outcome, bool facets)
    {
        var text = new System.Text.StringBuilder($"{outcome.TotalCount}/{outcome.SkillHolderCount}|");
        for (var rank = 0; rank < outcome.Top(20).Count; rank++)
        {
            var hit = outcome.Explain(rank);
            text.Append(hit.PersonId).Append(':').Append(hit.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var reason in hit.Explanation)
            {
                text.Append(',').Append(reason.Signal).Append('=').Append(reason.Contribution.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(reason.Detail);
            }

            text.Append(';');
        }

        if (facets)
        {
            text.Append(string.Join(',', outcome.Facets.Skills.Select(f => $"{f.Value.Id}={f.Count}")))
                .Append(string.Join(',', outcome.Facets.Domains.Select(f => $"{f.Value}={f.Count}")))
                .Append(string.Join(',', outcome.Facets.IntegratedCareSystems.Select(f => $"{f.Value}={f.Count}")))
                .Append(string.Join(',', outcome.Facets.OrganisationTypes.Select(f => $"{f.Value}={f.Count}")));
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static ExpertFilter Filter(JsonNode? filter) => filter is null ? ExpertFilter.None : ExpertFilter.None with
    {
        Domains = [.. (filter["domains"]?.AsArray() ?? []).Select(d => EnumText.Parse<QualityDomain>(d!.GetValue<string>()))],
        IntegratedCareSystemIds = [.. (filter["icsIds"]?.AsArray() ?? []).Select(id => GlobalId.Parse(id!.GetValue<string>(), "IntegratedCareSystem", "icsIds"))],
        AvailableOnly = filter["availableOnly"]?.GetValue<bool>() ?? false,
        OpenToCrossOrganisation = filter["openToCrossOrganisation"]?.GetValue<bool>(),
    };
}

/// <summary>A clock stopped at one moment.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
