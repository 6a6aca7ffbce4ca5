using IcsExpertiseGraph.Api.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>The migrate verb: brings the configured store's schema up to date, or says in one line why it cannot.</summary>
[Collection(ConsoleUsers.Name)]
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-migrate-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqlitePools.ReleaseUnder(directory);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was created.
        }
    }

    [Fact]
    public async Task MigratingAnEmbeddedStoreCreatesItAndReportsItUpToDateTwice()
    {
        var path = Path.Combine(directory, "expertise.db");
        using var services = Services(new() { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:Path"] = path });

        var (first, printed) = await RunAsync(services);
        var (second, _) = await RunAsync(services);

        Assert.Equal((0, 0), (first, second));
        Assert.True(File.Exists(path));
        Assert.Contains("schema is up to date", printed, StringComparison.Ordinal);
        Assert.True(await services.GetRequiredService<IExpertiseStore>().IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnUnreachableNeo4jIsOneClearLineAndAFailingExitCode()
    {
        using var services = Services(new() { ["Storage:Provider"] = "Neo4j", ["Storage:Neo4j:Uri"] = "http://127.0.0.1:9", ["Storage:Neo4j:MaxRetries"] = "0" });

        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            (exit, _) = await RunAsync(services);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The Neo4j store is unavailable: Neo4j at http://127.0.0.1:9/ cannot be reached", line, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        collection.AddExpertiseStore(configuration);
        return collection.BuildServiceProvider();
    }

    private static async Task<(int Exit, string Printed)> RunAsync(ServiceProvider services)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var exit = await MigrateCommand.RunAsync(services, services.GetRequiredService<IConfiguration>(), CancellationToken.None);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}

/// <summary>Tests that redirect the process's console run one after another, so one never reads another's output.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleUsers
{
    public const string Name = "Console";
}
