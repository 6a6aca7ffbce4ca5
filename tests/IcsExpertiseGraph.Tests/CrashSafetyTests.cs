using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using IcsExpertiseGraph.Testing;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Killing the service (SIGKILL) in the middle of a stream of writes loses no write it acknowledged; the backup and
/// restore verbs, run as an operator would, carry the store to a new place whole.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-crash", Guid.NewGuid().ToString("N"));
    private readonly ServiceClient client = new();

    public CrashSafetyTests() => Directory.CreateDirectory(directory);

    private string Store(string name) => Directory.CreateDirectory(Path.Combine(directory, name)).FullName;

    /// <summary>The production profile on a store of its own (a small demo network, the local issuer allowed, no rate limits).</summary>
    private static Dictionary<string, string> Production(string store) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage:Sqlite:Path"] = Path.Combine(store, "expertise.db"),
        ["Auth:LocalKeyPath"] = Path.Combine(store, "local-issuer.key"),
        ["Auth:AllowLocalIssuerInProduction"] = "true",
        ["Seed:DemoPeople"] = "30",
        ["RateLimiting:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public void Dispose()
    {
        client.Dispose();
        SqlitePools.ReleaseUnder(directory);
        Directory.Delete(directory, recursive: true);
    }

    private Task<JsonObject> PostAsync(Uri service, string query, object? variables = null, string? token = null) => client.PostAsync(service, query, variables, token);

    /// <summary>A token for the first person the service lists, from the service's own token verb.</summary>
    private async Task<string> TokenAsync(string store, Uri service)
    {
        var someone = await PostAsync(service, "{ people(first: 1) { nodes { id } } }");
        return (await ServiceProcess.RunVerbAsync(["token", "--person", someone["data"]!["people"]!["nodes"]![0]!["id"].Str()], Production(store))).Trim();
    }

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesAKillMidStream()
    {
        var acknowledged = new ConcurrentDictionary<string, string>();
        var store = Store("crashed");
        using (var service = await ServiceProcess.StartAsync(Production(store)))
        {
            var token = await TokenAsync(store, service.Url);

            // Four clients write concurrently; the kill lands while their requests are in flight.
            var writers = Enumerable.Range(0, 4).Select(stream => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var title = $"crash-{stream}-{n}";
                    try
                    {
                        var created = await PostAsync(service.Url, "mutation($t: String!) { createProject(input: { title: $t }) { id } }", new { t = title }, token);
                        acknowledged[created["data"]!["createProject"]!["id"].Str()] = title;
                    }
                    catch (HttpRequestException)
                    {
                        return; // The service is gone: this write was never acknowledged.
                    }
                }
            })).ToList();
            while (acknowledged.Count < 60 && writers.Exists(w => !w.IsCompleted))
            {
                await Task.Delay(5);
            }

            service.Kill();
            await Task.WhenAll(writers);
            Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} writes were acknowledged before the kill");
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(store, "expertise.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            Assert.Equal("ok", await SqliteBackupCommand.IntegrityAsync(connection, CancellationToken.None));
        }

        using var restarted = await ServiceProcess.StartAsync(Production(store));
        foreach (var (id, title) in acknowledged)
        {
            var project = await PostAsync(restarted.Url, "query($id: ID!) { project(id: $id) { title } }", new { id });
            Assert.Equal(title, project["data"]!["project"]!["title"].Str());
        }
    }

    [Fact]
    public async Task ABackupOfTheRunningServiceRestoresIntoAStoreThatServesTheSameData()
    {
        const string count = "{ people { totalCount } projects { totalCount } }";
        var (original, copy) = (Store("original"), Store("copy"));
        var backup = Path.Combine(directory, "expertise.backup.db");
        string projectId;
        JsonObject counted;
        using (var service = await ServiceProcess.StartAsync(Production(original)))
        {
            var token = await TokenAsync(original, service.Url);
            var created = await PostAsync(service.Url, "mutation { createProject(input: { title: \"Kept by the backup\" }) { id } }", token: token);
            projectId = created["data"]!["createProject"]!["id"].Str();
            counted = await PostAsync(service.Url, count, token: token);

            await ServiceProcess.RunVerbAsync(["backup", "--out", backup], Production(original));
        }

        await ServiceProcess.RunVerbAsync(["restore", "--from", backup], Production(copy));

        using var restored = await ServiceProcess.StartAsync(Production(copy));
        var project = await PostAsync(restored.Url, "query($id: ID!) { project(id: $id) { title } }", new { id = projectId });
        Assert.Equal("Kept by the backup", project["data"]!["project"]!["title"].Str());
        Assert.Equal(counted.ToJsonString(), (await PostAsync(restored.Url, count, token: await TokenAsync(copy, restored.Url))).ToJsonString());
    }
}
