using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IcsExpertiseGraph.Testing;

/// <summary>
/// The service as operators run it: its own Release build (IcsExpertiseGraph.Api.dll beside the caller) in a child
/// process, configured by environment variables, listening on a free loopback port. Verbs (seed, token, backup,
/// restore) run through the same executable and settings. Shared by the tests (crash safety: a SIGKILL is a real one)
/// and the performance harness (cold start, resident memory).
/// </summary>
public sealed class ServiceProcess : IDisposable, IAsyncDisposable
{
    private static readonly string ApiDll = Path.Combine(AppContext.BaseDirectory, "IcsExpertiseGraph.Api.dll");

    private readonly Process process;
    private readonly StringBuilder errors;

    private ServiceProcess(Process process, Uri url, StringBuilder errors)
    {
        this.process = process;
        this.errors = errors;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>From process start to the first answer to <c>{ __typename }</c>.</summary>
    public TimeSpan ColdStart { get; private set; }

    /// <summary>Resident memory of the service process now (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>CPU time the service process has used so far (user + system, from /proc), as the kernel counts it.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the 12th, stime the 13th.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Starts the server and waits until it answers <c>{ __typename }</c> (within three minutes).</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var clock = Stopwatch.StartNew();
        var errors = new StringBuilder();
        var process = Start([], settings.Append(new("Urls", url.ToString().TrimEnd('/'))));
        // A server's output is drained so a full pipe never blocks it; its errors are kept for a failure message.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, url, errors);
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
        {
            try
            {
                using var content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri("graphql", UriKind.Relative), content);
                if (response.IsSuccessStatusCode)
                {
                    service.ColdStart = clock.Elapsed;
                    return service;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or listening but still warming up.
            }

            await Task.Delay(20);
        }

        service.Kill();
        throw new InvalidOperationException($"The service did not answer (exit {(process.HasExited ? process.ExitCode : -1)}): {service.Errors}");
    }

    /// <summary>Runs a command-line verb of the service to completion; returns what it printed.</summary>
    public static async Task<string> RunVerbAsync(string[] verb, IReadOnlyDictionary<string, string> settings)
    {
        using var process = Start(verb, settings);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"'{string.Join(' ', verb)}' failed ({process.ExitCode}): {await errors}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, nothing the service can do about it.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    private static Process Start(IEnumerable<string> verb, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiDll);
        foreach (var word in verb)
        {
            start.ArgumentList.Add(word);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
