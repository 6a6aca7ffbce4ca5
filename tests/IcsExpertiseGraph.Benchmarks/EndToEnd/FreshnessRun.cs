using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Testing;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>
/// How fresh every answer is, and what a write costs the read side: seeds a network with the seed verb, starts two
/// service processes on the one database (the second as another instance of a scaled-out deployment), then
/// (a) after each write answered by the first instance, times until a reader's search finds the written word on the
/// first instance and on the second (p50/p95), quiet and under 5 writes/s mixed with reads from 8 connections;
/// (b) reads the CPU time of both processes from the kernel (/proc) across 100 profile writes and no reads: the first
/// pays for the write and applying it, the second only for following the feed (its idle polling over the same time
/// is subtracted); (c) seed time, cold start and resident memory. Writes a Markdown and a JSON report.
/// Run: dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- freshness [--people N] [--small] [--out DIR]
/// </summary>
public static class FreshnessRun
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = EndToEndOptions.Parse(args);
        var probes = args.Contains("--small") ? 10 : 100;
        var folder = Path.Combine(Path.GetTempPath(), "ics-expertise-freshness", Guid.NewGuid().ToString("N"));
        var settings = EndToEndRun.Settings(folder);
        try
        {
            var seed = await EndToEndRun.SeedAsync(options.People, settings);

            Console.WriteLine("Starting two instances on the database...");
            await using var first = await ServiceProcess.StartAsync(settings);
            var coldStart = first.ColdStart;
            var residentAtStart = first.ResidentBytes();
            await using var second = await ServiceProcess.StartAsync(settings);
            using var reader = new LoadDriver(first.Url, null);
            var person = JsonNode.Parse(await reader.SendAsync(Ids.Body("{ people(first: 1) { edges { node { id } } } }")))!["data"]!["people"]!["edges"]![0]!["node"]!["id"]!.GetValue<string>();
            var token = (await ServiceProcess.RunVerbAsync(["token", "--person", person, "--role", "NetworkManager"], settings)).Trim();
            using var writer = new LoadDriver(first.Url, token);
            using var otherReader = new LoadDriver(second.Url, null);
            await writer.SendAsync(Ids.Body("""mutation { updateMyProfile(input: { visibility: PUBLIC }) { id } }"""));
            var words = new Words();
            for (var i = 0; i < 20; i++)
            {
                await ProbeAsync(writer, reader, otherReader, words);
            }

            Console.WriteLine($"  freshness, quiet: {probes} writes");
            var quiet = new List<(double Same, double Other)>();
            for (var i = 0; i < probes; i++)
            {
                quiet.Add(await ProbeAsync(writer, reader, otherReader, words));
            }

            Console.WriteLine("  CPU per write: 100 profile writes, no reads");
            // Idle first, after the background work the probes left behind (tiered compilation, collections) has settled.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = await CpuOverAsync(first, second, () => Task.Delay(TimeSpan.FromSeconds(10)));
            var writes = await CpuOverAsync(first, second, async () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await writer.SendAsync(Ids.Body($$"""mutation { updateMyProfile(input: { headline: "Improvement lead {{words.Next()}}" }) { version } }"""));
                }

                // The second instance follows within its poll interval: give it that before reading its clock.
                await Task.Delay(500);
            });

            Console.WriteLine($"  freshness under load: 5 writes/s and mixed reads from 8 connections, {probes} writes");
            using var anonymous = new LoadDriver(first.Url, null);
            var ids = await Ids.FindAsync(anonymous, _ => Task.FromResult(token));
            using var loaded = new LoadDriver(first.Url, token);
            using var stop = new CancellationTokenSource();
            var load = loaded.ConcurrentAsync("mixed reads under writes", Queries.Mixed(ids), 8, TimeSpan.FromHours(1), stop.Token);
            // The writer keeps its pace whatever the probes take: each write's probe runs beside the next writes.
            var pending = new List<Task<(double Same, double Other)>>();
            var pace = Stopwatch.StartNew();
            for (var i = 0; i < probes; i++)
            {
                var due = TimeSpan.FromMilliseconds(200 * i);
                if (pace.Elapsed < due)
                {
                    await Task.Delay(due - pace.Elapsed);
                }

                // Writes one after another (so they land in order); each write's probe runs beside the next writes.
                var answered = await WriteAsync(writer, words);
                pending.Add(LookAsync(reader, otherReader, words.Last, answered));
            }

            var busy = (await Task.WhenAll(pending)).ToList();
            await stop.CancelAsync();
            var mixed = await load;
            var writeRate = probes / pace.Elapsed.TotalSeconds;
            var resident = first.ResidentBytes();
            var report = new FreshnessReport(DateTimeOffset.UtcNow, Machine.Describe(), options.People, seed, coldStart, residentAtStart, resident,
                Summary.Of(quiet.Select(q => q.Same)), Summary.Of(quiet.Select(q => q.Other)), Summary.Of(busy.Select(q => q.Same)), Summary.Of(busy.Select(q => q.Other)),
                writeRate, mixed, writes.First / 100, writes.Second / 100, writes.Elapsed / 100, idle.First / idle.Elapsed.TotalSeconds, idle.Second / idle.Elapsed.TotalSeconds);
            await EndToEndRun.WriteReportAsync(options, $"freshness-{options.People}", report.Markdown(), JsonSerializer.Serialize(report, Indented));
            return mixed.Errors == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// One write through the first instance, then, from its answer, how long until a search on each instance finds the
    /// word it wrote (both instances are asked in turn, a search at a time, until both have it).
    /// </summary>
    private static async Task<(double Same, double Other)> ProbeAsync(LoadDriver writer, LoadDriver reader, LoadDriver otherReader, Words words)
    {
        var answered = await WriteAsync(writer, words);
        return await LookAsync(reader, otherReader, words.Last, answered);
    }

    /// <summary>
    /// Writes the next word into the headline, which keeps the last 15 words written (so a word stays findable for 15
    /// writes, however slow a reader is); the clock starts at the write's answer.
    /// </summary>
    private static async Task<Stopwatch> WriteAsync(LoadDriver writer, Words words)
    {
        words.Next();
        await writer.SendAsync(Ids.Body($$"""mutation { updateMyProfile(input: { headline: "Lead {{string.Join(' ', words.Recent(15))}}" }) { version } }"""));
        return Stopwatch.StartNew();
    }

    private static async Task<(double Same, double Other)> LookAsync(LoadDriver reader, LoadDriver otherReader, string word, Stopwatch answered)
    {
        var search = Ids.Body($$"""{ searchExperts(query: "{{word}}", first: 1) { totalCount } }""");
        var seen = await Task.WhenAll(UntilFoundAsync(reader, search, answered), UntilFoundAsync(otherReader, search, answered));
        return (seen[0], seen[1]);
    }

    /// <summary>Searches one instance, one request after another, until the word is found; the time from the write's answer.</summary>
    private static async Task<double> UntilFoundAsync(LoadDriver instance, string search, Stopwatch answered)
    {
        while (answered.Elapsed < GiveUpAfter)
        {
            if (Found(await instance.SendAsync(search)))
            {
                return answered.Elapsed.TotalMilliseconds;
            }
        }

        return double.PositiveInfinity;
    }

    private static bool Found(string response) => JsonNode.Parse(response)!["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() > 0;

    private static async Task<(TimeSpan First, TimeSpan Second, TimeSpan Elapsed)> CpuOverAsync(ServiceProcess first, ServiceProcess second, Func<Task> work)
    {
        var (a, b) = (first.CpuTime(), second.CpuTime());
        var clock = Stopwatch.StartNew();
        await work();
        return (first.CpuTime() - a, second.CpuTime() - b, clock.Elapsed);
    }

    /// <summary>Words nobody has written before (letters only, so the search treats each as one new word).</summary>
    private sealed class Words
    {
        private readonly string run = RandomLetters(4);
        private readonly List<string> written = [];
        private int next;

        public string Last => written[^1];

        public IEnumerable<string> Recent(int count) => written.TakeLast(count);

        public string Next()
        {
            written.Add(Make());
            return written[^1];
        }

        private string Make()
        {
            var n = next++;
            var text = new StringBuilder("fq").Append(run);
            do
            {
                text.Append((char)('a' + (n % 26)));
                n /= 26;
            }
            while (n > 0);
            return text.ToString();
        }

        private static string RandomLetters(int count) => new([.. Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
    }
}

/// <summary>Median and 95th percentile of freshness probes, in milliseconds.</summary>
public sealed record Summary(int Count, double MedianMs, double P95Ms, double MaxMs)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        return new Summary(sorted.Count, At(0.5), At(0.95), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {MedianMs:F1} ms, p95 {P95Ms:F1} ms, max {MaxMs:F1} ms ({Count} writes)");
}

public sealed record FreshnessReport(
    DateTimeOffset MeasuredAt, Machine Machine, int People, TimeSpan Seed, TimeSpan ColdStart, long ResidentBytesAtStart, long ResidentBytesAfter,
    Summary QuietSameInstance, Summary QuietSecondInstance, Summary LoadedSameInstance, Summary LoadedSecondInstance, double WritesPerSecond,
    Series MixedUnderWrites, TimeSpan CpuPerWriteWriter, TimeSpan CpuPerWriteFollower, TimeSpan WallPerWrite, TimeSpan IdleCpuPerSecondWriter,
    TimeSpan IdleCpuPerSecondFollower)
{
    public string Markdown() => string.Create(CultureInfo.InvariantCulture, $"""
        ## Freshness and the cost of a write, {People:N0} people ({MeasuredAt:yyyy-MM-dd HH:mm} UTC)

        {Machine.Cpu}, {Machine.Cores} cores, {Machine.Os}, {Machine.Runtime}. Two service processes (Release, Production profile)
        on one SQLite file; every write is a profile headline edit through the first, answered before the clock starts; freshness
        is the time from that answer until a search on each instance finds the word it wrote: a word never written or searched
        before, so no cache of answers can help, and the time includes that search's own answer.

        | figure | value |
        |---|---:|
        | seed ({People:N0} people, `seed` verb) | {Seed.TotalSeconds:F1} s |
        | cold start (existing database, process start to first answer) | {ColdStart.TotalSeconds:F2} s |
        | resident memory: at start / after the run | {ResidentBytesAtStart / 1048576.0:F0} MB / {ResidentBytesAfter / 1048576.0:F0} MB |
        | freshness, quiet, same instance | {QuietSameInstance} |
        | freshness, quiet, second instance | {QuietSecondInstance} |
        | freshness under {WritesPerSecond:F1} writes/s + mixed reads from 8 connections, same instance | {LoadedSameInstance} |
        | freshness under the same load, second instance | {LoadedSecondInstance} |
        | the mixed reads during that | {MixedUnderWrites.RequestsPerSecond:F0} requests/s, {MixedUnderWrites.Errors} errors, median {MixedUnderWrites.MedianMs:F2} ms, p99 {MixedUnderWrites.P99Ms:F2} ms |
        | CPU per profile write (100 writes one after another, {WallPerWrite.TotalMilliseconds:F1} ms apart), writing instance: HTTP, GraphQL, the SQLite write, applying it | {CpuPerWriteWriter.TotalMilliseconds:F1} ms |
        | CPU per profile write, second instance: following the feed (its polling included) | {CpuPerWriteFollower.TotalMilliseconds:F1} ms |
        | CPU per second when idle (no requests): writing instance / second instance | {IdleCpuPerSecondWriter.TotalMilliseconds:F1} ms / {IdleCpuPerSecondFollower.TotalMilliseconds:F1} ms |

        """);
}
