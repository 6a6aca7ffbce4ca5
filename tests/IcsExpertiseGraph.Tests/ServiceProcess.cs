using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The service as a real child process (the built IcsExpertiseGraph.Api.dll beside the tests), in the production
/// profile on its own port and store, so a test can kill it the way a power cut or the OOM killer would.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private static readonly string ApiDll = Path.Combine(AppContext.BaseDirectory, "IcsExpertiseGraph.Api.dll");

    private readonly Process process;

    private ServiceProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ServiceProcess> StartAsync(string directory, HttpClient client)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(StartInfo(directory, "--urls", url.ToString()))!;
        var service = new ServiceProcess(process, url);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri(url, "/readyz"));
                if (ready.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        service.Kill();
        throw new InvalidOperationException("The service did not become ready: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>Runs a command-line verb against the same store and returns what it printed.</summary>
    public static async Task<string> RunVerbAsync(string directory, params string[] args)
    {
        using var verb = Process.Start(StartInfo(directory, args))!;
        var output = await verb.StandardOutput.ReadToEndAsync();
        var errors = await verb.StandardError.ReadToEndAsync();
        await verb.WaitForExitAsync();
        return verb.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"{args[0]} failed: {errors}");
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

    private static ProcessStartInfo StartInfo(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Storage__Sqlite__Path"] = Path.Combine(directory, "expertise.db");
        info.Environment["Auth__LocalKeyPath"] = Path.Combine(directory, "local-issuer.key");
        info.Environment["Auth__AllowLocalIssuerInProduction"] = "true";
        info.Environment["Seed__DemoPeople"] = "30";
        info.Environment["RateLimiting__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
