using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>The <c>seed</c> verb of the command line, run against its own temporary SQLite file.</summary>
public sealed class SeedCommandTests : IDisposable
{
    private static readonly Viewer Admin = new(null, false, true);
    private static readonly PageRequest Everything = new(0, 100_000);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-seed-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider services;

    public SeedCommandTests()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(Options.Create(new SqliteOptions { Path = Path.Combine(directory, "expertise.db") }));
        collection.AddSingleton<SqliteConnectionFactory>();
        collection.AddSingleton<IExpertiseStore, SqliteExpertiseStore>();
        services = collection.BuildServiceProvider();
    }

    private IExpertiseStore Store => services.GetRequiredService<IExpertiseStore>();

    public void Dispose()
    {
        services.Dispose();
        SqlitePools.ReleaseUnder(directory);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task SeedingAnEmptyStoreWritesTheRequestedNumberOfPeopleFromTheGivenSeed()
    {
        var exit = await RunAsync("seed", "--people", "60", "--seed", "3", "--as-of", "2026-11-01");

        Assert.Equal(0, exit);
        var people = await Store.ListPeopleAsync(Admin, Everything, CancellationToken.None);
        Assert.Equal(60, people.TotalCount);
        var expected = new NetworkGenerator(3, new DateOnly(2026, 11, 1)).Generate(60);
        Assert.Equal(expected.People.Select(p => p.Id).Order(), people.Items.Select(p => p.Id).Order());
        Assert.Equal(expected.IntegratedCareSystems.Count, (await Store.ListIntegratedCareSystemsAsync(Everything, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task SeedingAgainWithoutResetIsRefusedAndChangesNothing()
    {
        Assert.Equal(0, await RunAsync("seed", "--people", "60", "--seed", "3", "--as-of", "2026-11-01"));
        var before = await SnapshotAsync();

        var exit = await RunAsync("seed", "--people", "30", "--seed", "4", "--as-of", "2026-11-01");

        Assert.Equal(1, exit);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task SeedingWithResetReplacesTheNetwork()
    {
        Assert.Equal(0, await RunAsync("seed", "--people", "60", "--seed", "3", "--as-of", "2026-11-01"));
        var sequence = await Store.GetChangeSequenceAsync(CancellationToken.None);

        var exit = await RunAsync("seed", "--people", "30", "--seed", "4", "--as-of", "2026-11-01", "--reset");

        Assert.Equal(0, exit);
        var people = await Store.ListPeopleAsync(Admin, Everything, CancellationToken.None);
        Assert.Equal(30, people.TotalCount);
        var expected = new NetworkGenerator(4, new DateOnly(2026, 11, 1)).Generate(30);
        Assert.Equal(expected.People.Select(p => p.Id).Order(), people.Items.Select(p => p.Id).Order());
        Assert.True(await Store.GetChangeSequenceAsync(CancellationToken.None) > sequence);
    }

    [Theory]
    [InlineData("seed", "--seed", "3", "--reset")]
    [InlineData("seed", "--people")]
    [InlineData("seed", "--people", "-5", "--reset")]
    [InlineData("seed", "--people", "abc", "--reset")]
    [InlineData("seed", "--people", "1000001", "--reset")]
    [InlineData("seed", "--people", "10", "--reset", "--colour", "blue")]
    [InlineData("seed", "--people", "10", "--as-of", "1 November 2026", "--reset")]
    public async Task InvalidArgumentsAreAUsageErrorAndWriteNothing(params string[] args)
    {
        Assert.Equal(0, await RunAsync("seed", "--people", "20", "--seed", "9", "--as-of", "2026-11-01"));
        var before = await SnapshotAsync();

        var exit = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task InvalidArgumentsOnAFreshInstallDoNotCreateAnEmptyNetwork()
    {
        var exit = await RunAsync("seed", "--people", "abc");

        Assert.Equal(2, exit);
        await Store.MigrateAsync(CancellationToken.None);
        Assert.True(await Store.IsEmptyAsync(CancellationToken.None));
        Assert.Equal(0, await Store.GetChangeSequenceAsync(CancellationToken.None));
    }

    private Task<int> RunAsync(params string[] args) => SeedCommand.RunAsync(args, services, CancellationToken.None);

    /// <summary>What a user would compare before and after: who is in the store and its change sequence.</summary>
    private async Task<string> SnapshotAsync()
    {
        var people = await Store.ListPeopleAsync(Admin, Everything, CancellationToken.None);
        var sequence = await Store.GetChangeSequenceAsync(CancellationToken.None);
        return $"{sequence}:{people.TotalCount}:{string.Join(',', people.Items.Select(p => p.Id).Order())}";
    }
}
