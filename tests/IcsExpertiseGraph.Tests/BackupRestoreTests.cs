using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>The backup verb copies a consistent store while the service writes; the restore verb brings it back whole.</summary>
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

    private static ServiceProvider StoreAt(string path) => new ServiceCollection()
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
