using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>Latency percentiles and throughput of one measured series.</summary>
public sealed record Series(string Name, int Requests, int Errors, double MedianMs, double P95Ms, double P99Ms, double RequestsPerSecond, double MaxMs)
{
    public static Series Of(string name, List<double> milliseconds, int errors, TimeSpan elapsed)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds.Count == 0 ? double.NaN : milliseconds[Math.Min(milliseconds.Count - 1, (int)(q * milliseconds.Count))];
        return new Series(name, milliseconds.Count, errors, At(0.5), At(0.95), At(0.99), milliseconds.Count / elapsed.TotalSeconds, At(1));
    }
}

/// <summary>
/// Sends GraphQL requests over keep-alive loopback connections: one query after another on one connection (latency),
/// or a mix from many concurrent connections for a fixed time (throughput). A response with errors counts as an error.
/// </summary>
public sealed class LoadDriver(Uri url, string? token) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token) },
    };

    public Uri BaseAddress => url;

    public void Dispose() => client.Dispose();

    public async Task<string> SendAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("graphql", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal)
            ? text
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 400)]}");
    }

    /// <summary>
    /// Warm-up, then <paramref name="requests"/> requests one after another. Each body is made before its clock starts;
    /// <paramref name="answered"/>, when given, sees each measured answer after its clock stops.
    /// </summary>
    public async Task<Series> SequentialAsync(string name, Func<int, string> body, int warmup, int requests, Action<int, string>? answered = null)
    {
        for (var i = 0; i < warmup; i++)
        {
            await SendAsync(body(i));
        }

        var timings = new List<double>(requests);
        var errors = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var request = body(warmup + i);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var answer = await SendAsync(request);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                answered?.Invoke(i, answer);
            }
            catch (InvalidOperationException)
            {
                errors++;
            }
        }

        return Series.Of(name, timings, errors, clock.Elapsed);
    }

    /// <summary>The bodies in turn from <paramref name="connections"/> concurrent clients for <paramref name="duration"/> (or until <paramref name="stop"/>).</summary>
    public Task<Series> ConcurrentAsync(string name, IReadOnlyList<string> bodies, int connections, TimeSpan duration, CancellationToken stop = default) =>
        ConcurrentAsync(name, (worker, sent) => bodies[(worker + sent) % bodies.Count], connections, duration, stop);

    /// <summary>
    /// From <paramref name="connections"/> concurrent clients for <paramref name="duration"/> (or until <paramref name="stop"/>),
    /// each request's body made by <paramref name="body"/> (the client's number, how many it has sent) before its clock starts.
    /// </summary>
    public async Task<Series> ConcurrentAsync(string name, Func<int, int, string> body, int connections, TimeSpan duration, CancellationToken stop = default)
    {
        var timings = new List<double>[connections];
        var errors = new int[connections];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = timings[worker] = [];
            for (var sent = 0; clock.Elapsed < duration && !stop.IsCancellationRequested; sent++)
            {
                var request = body(worker, sent);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await SendAsync(request);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    errors[worker]++;
                }
            }
        }));
        return Series.Of(name, [.. timings.SelectMany(t => t)], errors.Sum(), clock.Elapsed);
    }
}
