using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>What the figures were measured on.</summary>
public sealed record Machine(string Cpu, int Cores, string Os, string Runtime)
{
    public static Machine Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        return new Machine(cpu, Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }
}

/// <summary>One run's figures, as Markdown for people and JSON for tools; every latency also as a ratio to the floor of the same run.</summary>
public sealed record EndToEndReport(
    DateTimeOffset MeasuredAt, Machine Machine, EndToEndOptions Options, TimeSpan Seed, TimeSpan ColdStart, long ResidentBytes,
    IReadOnlyList<Series> Queries, Series Mixed)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public double FloorMs => Queries.First(q => q.Name == EndToEnd.Queries.Floor).MedianMs;

    public string Json() => JsonSerializer.Serialize(new
    {
        measuredAt = MeasuredAt,
        machine = Machine,
        people = Options.People,
        requestsPerQuery = Options.Requests,
        warmupPerQuery = Options.Warmup,
        seedSeconds = Seed.TotalSeconds,
        coldStartSeconds = ColdStart.TotalSeconds,
        residentMegabytes = ResidentBytes / 1024.0 / 1024.0,
        floorMedianMs = FloorMs,
        queries = Queries.Select(q => new { q.Name, q.Requests, q.Errors, q.MedianMs, q.P95Ms, q.P99Ms, q.RequestsPerSecond, medianOverFloor = q.MedianMs / FloorMs }),
        mixed = new { Mixed.Name, Mixed.Requests, Mixed.Errors, Mixed.MedianMs, Mixed.P95Ms, Mixed.P99Ms, Mixed.RequestsPerSecond, connections = Options.Connections, seconds = Options.Duration.TotalSeconds },
    }, Indented);

    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ## End to end, {Options.People:N0} people ({MeasuredAt:yyyy-MM-dd HH:mm} UTC)

            {Machine.Cpu}, {Machine.Cores} cores, {Machine.Os}, {Machine.Runtime}. The service in Release (Production profile,
            per-caller rate limits off: one caller at thousands of requests a second is what they stop) on loopback, a network manager's token, {Options.Warmup} warm-up and {Options.Requests} measured requests per query,
            one after another on one keep-alive connection; the ratio is the median over the `{EndToEnd.Queries.Floor}` median of this run.

            | figure | value |
            |---|---:|
            | seed ({Options.People:N0} people, one transaction, `seed` verb) | {Seed.TotalSeconds:F1} s |
            | cold start (existing database, process start to first answer) | {ColdStart.TotalSeconds:F2} s |
            | resident memory after the reads (before the writes) | {ResidentBytes / 1024.0 / 1024.0:F0} MB |
            | {Mixed.Name}, {Options.Duration.TotalSeconds:F0} s | {Mixed.RequestsPerSecond:F0} requests/s, {Mixed.Errors} errors, median {Mixed.MedianMs:F2} ms, p99 {Mixed.P99Ms:F2} ms |

            | query | median ms | p95 ms | p99 ms | requests/s | median / floor | errors |
            |---|---:|---:|---:|---:|---:|---:|

            """);
        foreach (var q in Queries)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {q.Name} | {q.MedianMs:F3} | {q.P95Ms:F3} | {q.P99Ms:F3} | {q.RequestsPerSecond:F0} | {q.MedianMs / FloorMs:F1}x | {q.Errors} |\n");
        }

        return text.ToString();
    }
}
