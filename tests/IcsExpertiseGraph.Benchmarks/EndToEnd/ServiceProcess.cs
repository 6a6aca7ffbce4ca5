using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>
/// The service as operators run it: its own Release build (IcsExpertiseGraph.Api.dll) in a child process, on a SQLite
/// file, listening on a free loopback port. Verbs (seed, token) run through the same executable and configuration.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int ProcessId => process.Id;

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

    /// <summary>Starts the server and waits until it answers <c>{ __typename }</c>; returns it and how long that took.</summary>
    public static async Task<(ServiceProcess Service, TimeSpan ColdStart)> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var clock = Stopwatch.StartNew();
        var process = Start([], settings.Append(new("Urls", url.ToString().TrimEnd('/'))));
        var service = new ServiceProcess(process, url);
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri("graphql", UriKind.Relative), content);
                if (response.IsSuccessStatusCode)
                {
                    return (service, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still warming up.
            }

            await Task.Delay(20);
        }

        await service.DisposeAsync();
        throw new TimeoutException("The service did not answer within three minutes.");
    }

    /// <summary>Runs a command-line verb of the service to completion; returns what it printed.</summary>
    public static async Task<string> RunVerbAsync(string[] verb, IReadOnlyDictionary<string, string> settings)
    {
        using var process = Start(verb, settings);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', verb)}' failed ({process.ExitCode}): {await errors}");
        }

        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Process Start(IEnumerable<string> verb, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "IcsExpertiseGraph.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var word in verb)
        {
            start.ArgumentList.Add(word);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        if (verb.Any())
        {
            return process;
        }

        // A server's output is drained so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
