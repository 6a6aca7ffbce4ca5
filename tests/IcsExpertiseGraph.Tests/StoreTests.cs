using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// What only the embedded SQLite adapter promises: its file, its schema version and WAL mode. Everything a
/// caller of the store port relies on is in the store contract (Contract/), which every store runs.
/// </summary>
public sealed class StoreTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);
    private static readonly Viewer Admin = new(null, false, true);
    private static readonly PageRequest Everything = new(0, 100_000);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-store-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteExpertiseStore> stores = [];

    private string DatabasePath => Path.Combine(directory, "expertise.db");

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

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
    public async Task MigratingTwiceKeepsTheDataAndLeavesTheSchemaAtTheLatestVersionInWalMode()
    {
        var store = await OpenStoreAsync();
        var network = new NetworkGenerator(5, AsOf).Generate(40);
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);

        await store.MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(SqliteMigrator.Migrations);
        Assert.Equal(SqliteMigrator.Migrations.Count, Convert.ToInt32(await PragmaAsync(DatabasePath, "user_version"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("wal", (string?)await PragmaAsync(DatabasePath, "journal_mode"), ignoreCase: true);
        Assert.Equal(network.People.Count, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
        Assert.True(await store.IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheDatabaseFileIsCreatedOnFirstStartAtTheConfiguredPathIncludingMissingFolders()
    {
        var path = Path.Combine(directory, "not", "yet", "there", "graph.db");
        Assert.False(Directory.Exists(Path.Combine(directory, "not")));

        var store = await OpenStoreAsync(path);

        Assert.True(File.Exists(path));
        Assert.True(await store.IsReachableAsync(CancellationToken.None));
        Assert.True(await store.IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadsWhileAnotherWriterHoldsTheWriteLockSeeTheLastCommittedNetworkWithoutWaiting()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(new NetworkGenerator(5, AsOf).Generate(40), replaceExisting: false, progress: null, CancellationToken.None);
        var committed = await store.LoadCollaborationSourceAsync(CancellationToken.None);

        // Another process (a second instance, a restore) in the middle of a write, not yet committed.
        await using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await writer.OpenAsync();
        using var transaction = writer.BeginTransaction(deferred: false);
        await using (var command = writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE change_sequence SET value = value + 1 WHERE id = 1";
            await command.ExecuteNonQueryAsync();
        }

        // A read takes WAL's snapshot; one that asked for the write lock would wait out the busy timeout and fail.
        var during = await Task.Run(() => store.LoadCollaborationSourceAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));
        var feed = await Task.Run(() => store.ReadChangesAsync(0, 100, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));
        var search = await Task.Run(() => store.LoadSearchSourceAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));
        transaction.Rollback();

        Assert.Equal((committed.Sequence, committed.Sequence), (feed.Latest, feed.Through));
        Assert.Equal(committed.Sequence, during.Sequence);
        Assert.Equal(committed.People, during.People);
        Assert.Equal(committed.Contributions, during.Contributions);
        Assert.Equal((committed.Sequence, committed.People.Count), (search.Sequence, search.People.Count));
    }

    [Fact]
    public async Task ADatabaseFromANewerBuildIsRefusedNamingBothSchemaVersionsAndLeftAsItWas()
    {
        var store = await OpenStoreAsync();
        var newer = SqliteMigrator.Migrations.Count + 1;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {newer};";
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains($"schema version {newer}, newer than this build knows ({SqliteMigrator.Migrations.Count})", refused.Message, StringComparison.Ordinal);
        Assert.Equal(newer, Convert.ToInt32(await PragmaAsync(DatabasePath, "user_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DeletingAPersonLeavesNoneOfTheirWordsInTheSearchIndexInTheFile()
    {
        var store = await OpenStoreAsync();
        var network = new NetworkGenerator(5, AsOf).Generate(40);
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);
        var person = network.People[0];
        var now = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);
        var headline = new ProfileChanges(default, default, default, default, default, default, default, default, default, default) with { Headline = Change.To<string?>("Quillwort facilitator") };
        await store.UpdateProfileAsync(person.Id, headline, null, person.Id, now, CancellationToken.None);
        Assert.Equal(1L, await TextRowsMatchingAsync("quillwort"));

        await store.DeletePersonAsync(person.Id, now, CancellationToken.None);

        // Erasure: what the person wrote is gone from the file, not only from what a search returns.
        Assert.Equal(0L, await TextRowsMatchingAsync("quillwort"));
    }

    private async Task<long> TextRowsMatchingAsync(string word)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM person_text WHERE person_text MATCH $word";
        command.Parameters.AddWithValue("$word", word);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task AStoreWithoutItsSchemaIsNotReachableUntilMigrated()
    {
        var store = new SqliteExpertiseStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = DatabasePath })));
        stores.Add(store);

        Assert.False(await store.IsReachableAsync(CancellationToken.None));
        await store.MigrateAsync(CancellationToken.None);
        Assert.True(await store.IsReachableAsync(CancellationToken.None));
    }

    private async Task<SqliteExpertiseStore> OpenStoreAsync(string? path = null)
    {
        var store = new SqliteExpertiseStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path ?? DatabasePath })));
        stores.Add(store);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    private static async Task<object?> PragmaAsync(string path, string pragma)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return await command.ExecuteScalarAsync();
    }
}
