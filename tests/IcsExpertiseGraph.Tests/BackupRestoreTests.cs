using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>The backup verb copies a consistent store while the service writes; the restore verb brings it back whole.</summary>
/// <remarks>The verbs print to the console, so these run apart from the tests that read it.</remarks>
[Collection(ConsoleUsers.Name)]
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly Viewer Admin = Viewers.Everyone;

    private readonly ApiFactory factory = new() { DemoPeople = 60 };
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-backups", Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        factory.Dispose();
        SqlitePools.ReleaseUnder(directory);
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>The services of a verb run against the embedded store at the path.</summary>
    internal static ServiceProvider StoreAt(string path) => new ServiceCollection()
        .AddSingleton(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path })))
        .BuildServiceProvider();

    private static async Task<(string Integrity, int Projects, int Titled)> InspectAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), count(*) FILTER (WHERE title LIKE 'backup-%') FROM project;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (await SqliteBackupCommand.IntegrityAsync(connection, CancellationToken.None), reader.GetInt32(0), reader.GetInt32(1));
    }

    [Fact]
    public async Task ABackupTakenWhileWritesGoOnIsConsistentAndRestoresWhole()
    {
        var people = await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1), CancellationToken.None);
        var token = await factory.SignInAsync(people.Items[0]);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await factory.QueryAsync(
                    "mutation($t: String!) { createProject(input: { title: $t }) { id } }", new { t = $"backup-{written}" }, token);
                Assert.Null(response["errors"]);
                written++;
            }
        });
        while (written < 5)
        {
            await Task.Delay(10);
        }

        var backup = Path.Combine(directory, "expertise.backup.db");
        var exit = await SqliteBackupCommand.BackupAsync(["backup", "--out", backup], factory.Services, CancellationToken.None);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(0, exit);
        var copied = await InspectAsync(backup);
        Assert.Equal("ok", copied.Integrity);
        Assert.InRange(copied.Titled, 5, written);

        var restoredPath = Path.Combine(directory, "restored", "expertise.db");
        using (var services = StoreAt(restoredPath))
        {
            Assert.Equal(0, await SqliteBackupCommand.RestoreAsync(["restore", "--from", backup], services, CancellationToken.None));
        }

        Assert.Equal(copied, await InspectAsync(restoredPath));
    }

    [Fact]
    public async Task ARestoreOverAStoreLeavesTheRestoredContentsInTheStoreFileItselfWithNoLogBesideIt()
    {
        // Restore is run with the service stopped, and an operator may then copy or move the store file alone. In WAL
        // mode the restore's pages go to the -wal file first and reach the store file only when the last handle on it
        // closes, so the restore must close the handles it opened.
        var source = Path.Combine(directory, "source.db");
        await MarkAsync(source, "in the backup");
        var backup = Path.Combine(directory, "marked.backup.db");
        using (var services = StoreAt(source))
        {
            Assert.Equal(0, await SqliteBackupCommand.BackupAsync(["backup", "--out", backup], services, CancellationToken.None));
        }

        var target = Path.Combine(directory, "store", "expertise.db");
        await MarkAsync(target, "before the restore");
        using (var services = StoreAt(target))
        {
            Assert.Equal(0, await SqliteBackupCommand.RestoreAsync(["restore", "--from", backup], services, CancellationToken.None));
        }

        Assert.False(File.Exists(target + "-wal"));
        var copy = Path.Combine(directory, "copied.db");
        File.Copy(target, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT identity_hash FROM erased_identity;";
        Assert.Equal("in the backup", await command.ExecuteScalarAsync());
    }

    /// <summary>A migrated store at the path (its pooled handles released after) holding one erasure record with the text as its hash.</summary>
    private static async Task MarkAsync(string path, string mark)
    {
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path }));
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await SqliteMigrator.MigrateAsync(connection, CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO erased_identity (identity_hash, erased_at) VALUES ($mark, '2026-12-03T00:00:00Z');";
            command.Parameters.AddWithValue("$mark", mark);
            await command.ExecuteNonQueryAsync();
        }

        connections.ReleasePooledConnections();
    }

    [Fact]
    public async Task ABackupNeverOverwritesAFile()
    {
        var existing = Path.Combine(directory, "taken.db");
        await File.WriteAllTextAsync(existing, "not a backup");

        var exit = await SqliteBackupCommand.BackupAsync(["backup", "--out", existing], factory.Services, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Equal("not a backup", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task ADamagedBackupIsNotRestoredOverAGoodStore()
    {
        var damaged = Path.Combine(directory, "damaged.db");
        await File.WriteAllBytesAsync(damaged, [.. "SQLite format 3\0"u8, .. new byte[4096]]);
        _ = factory.Store; // starts the service, which creates and seeds its store
        var before = await InspectAsync(factory.DatabasePath);

        using var services = StoreAt(factory.DatabasePath);
        var exit = await SqliteBackupCommand.RestoreAsync(["restore", "--from", damaged], services, CancellationToken.None);

        Assert.NotEqual(0, exit);
        Assert.Equal(before, await InspectAsync(factory.DatabasePath));
    }
}
