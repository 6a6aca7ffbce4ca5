using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Testing;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Two service processes on one store (two processes on one SQLite file in WAL mode here; API replicas on one Neo4j in
/// production): a write through one reaches the other's readers through the store's change feed, and an instance that
/// was down catches up when it starts again. How fast is measured by the performance harness, not here.
/// </summary>
public sealed class MultiInstanceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ics-expertise-instances", Guid.NewGuid().ToString("N"))).FullName;
    private readonly ServiceClient client = new();

    public void Dispose()
    {
        client.Dispose();
        SqlitePools.ReleaseUnder(directory);
        Directory.Delete(directory, recursive: true);
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage:Sqlite:Path"] = Path.Combine(directory, "expertise.db"),
        ["Auth:LocalKeyPath"] = Path.Combine(directory, "local-issuer.key"),
        ["Auth:AllowLocalIssuerInProduction"] = "true",
        ["Seed:DemoPeople"] = "200",
        ["RateLimiting:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task AWriteThroughOneInstanceReachesTheOtherInstancesReaders()
    {
        await using var first = await ServiceProcess.StartAsync(Settings());
        await using var second = await ServiceProcess.StartAsync(Settings());
        var someone = await PostAsync(first.Url, "{ people(first: 1) { nodes { id displayName visibility } } }");
        var person = someone["data"]!["people"]!["nodes"]![0]!;
        var token = (await ServiceProcess.RunVerbAsync(["token", "--person", person["id"].Str()], Settings())).Trim();
        Assert.Empty(await FindAsync(second.Url, "Quetzalcoatl"));

        var written = await PostAsync(first.Url, """mutation { updateMyProfile(input: { headline: "Quetzalcoatl flow improvement", visibility: PUBLIC }) { id headline } }""", token: token);
        Assert.Null(written["errors"]);

        var seen = await WaitForAsync(() => FindAsync(second.Url, "Quetzalcoatl"), found => found.Count == 1);
        Assert.Equal(person["id"].Str(), seen.Single());
        // The writer's own instance has it the moment the write is answered.
        Assert.Equal([person["id"].Str()], await FindAsync(first.Url, "Quetzalcoatl"));

        var erased = await PostAsync(first.Url, "mutation { deleteMyProfile }", token: token);
        Assert.True(erased["data"]!["deleteMyProfile"]!.GetValue<bool>());
        Assert.Empty(await WaitForAsync(() => FindAsync(second.Url, "Quetzalcoatl"), found => found.Count == 0));
    }

    [Fact]
    public async Task AnInstanceThatWasDownCatchesUpWhenItStartsAgain()
    {
        await using var first = await ServiceProcess.StartAsync(Settings());
        var second = await ServiceProcess.StartAsync(Settings());
        var someone = await PostAsync(first.Url, "{ people(first: 1) { nodes { id } } }");
        var id = someone["data"]!["people"]!["nodes"]![0]!["id"].Str();
        var token = (await ServiceProcess.RunVerbAsync(["token", "--person", id], Settings())).Trim();

        second.Kill();
        second.Dispose();
        Assert.Null((await PostAsync(first.Url, """mutation { updateMyProfile(input: { headline: "Ocelot demand capacity", visibility: PUBLIC }) { id } }""", token: token))["errors"]);
        await using var restarted = await ServiceProcess.StartAsync(Settings());

        Assert.Equal([id], await FindAsync(restarted.Url, "Ocelot"));
    }

    private async Task<List<string>> FindAsync(Uri service, string word)
    {
        var answer = await PostAsync(service, "query($q: String) { searchExperts(query: $q, first: 10) { edges { node { id headline } } } }", new { q = word });
        return [.. answer["data"]!["searchExperts"]!["edges"].Arr()
            .Where(e => e!["node"]!["headline"]?.GetValue<string>().Contains(word, StringComparison.Ordinal) == true)
            .Select(e => e!["node"]!["id"].Str())];
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> look, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = await look();
            if (done(seen) || clock.Elapsed > Patience)
            {
                return seen;
            }

            await Task.Delay(20);
        }
    }

    private Task<JsonObject> PostAsync(Uri service, string query, object? variables = null, string? token = null) => client.PostAsync(service, query, variables, token);
}
