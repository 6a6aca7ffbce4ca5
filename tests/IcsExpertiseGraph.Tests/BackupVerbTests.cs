using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// What the backup and restore verbs tell the operator, and leave behind: the usage for arguments they cannot use, a
/// refusal for a store that is not embedded or a backup that is not there, one line saying what they did, and no
/// files but the store and the backup.
/// </summary>
[Collection(ConsoleUsers.Name)]
public sealed class BackupVerbTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-backup-verbs", Guid.NewGuid().ToString("N"));

    public BackupVerbTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        SqlitePools.ReleaseUnder(directory);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup --out")]
    [InlineData("backup --from FILE")]
    [InlineData("backup --out \t")]
    [InlineData("restore --out FILE")]
    [InlineData("restore --from FILE now")]
    public async Task ArgumentsOtherThanItsFlagAndAFileAreRefusedWithTheUsage(string given)
    {
        var args = given.Replace("FILE", Path.Combine(directory, "other.db"), StringComparison.Ordinal).Split(' ');
        using var services = BackupRestoreTests.StoreAt(Path.Combine(directory, "expertise.db"));

        var (exit, printed, error) = await RunAsync(args[0] == "backup"
            ? () => SqliteBackupCommand.BackupAsync(args, services, CancellationToken.None)
            : () => SqliteBackupCommand.RestoreAsync(args, services, CancellationToken.None));

        Assert.Equal((2, ""), (exit, printed));
        Assert.Equal($"Usage: {(args[0] == "backup" ? SqliteBackupCommand.BackupUsage : SqliteBackupCommand.RestoreUsage)}", error.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
    }

    [Fact]
    public async Task WithoutTheEmbeddedStoreEachVerbSaysItIsForTheEmbeddedStoreOnly()
    {
        using var none = new ServiceCollection().BuildServiceProvider();

        foreach (var verb in new Func<Task<int>>[]
        {
            () => SqliteBackupCommand.BackupAsync(["backup", "--out", Path.Combine(directory, "b.db")], none, CancellationToken.None),
            () => SqliteBackupCommand.RestoreAsync(["restore", "--from", Path.Combine(directory, "b.db")], none, CancellationToken.None),
        })
        {
            var (exit, _, error) = await RunAsync(verb);
            Assert.Equal(1, exit);
            Assert.StartsWith("backup and restore are for the embedded SQLite store", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RestoringABackupThatIsNotThereSaysSoAndCreatesNoStore()
    {
        var store = Path.Combine(directory, "store", "expertise.db");
        var missing = Path.Combine(directory, "missing.db");
        using var services = BackupRestoreTests.StoreAt(store);

        var (exit, _, error) = await RunAsync(() => SqliteBackupCommand.RestoreAsync(["restore", "--from", missing], services, CancellationToken.None));

        Assert.Equal(1, exit);
        Assert.Equal($"There is no backup at {missing}.", error.Trim());
        Assert.False(Directory.Exists(Path.GetDirectoryName(store)));
    }

    [Fact]
    public async Task RefusalsSayWhyAndTheStoreOrFileIsLeftAsItWas()
    {
        var source = Path.Combine(directory, "source.db");
        await MigratedStoreAsync(source, SqliteMigrator.Migrations.Count);
        var taken = Path.Combine(directory, "taken.db");
        await File.WriteAllTextAsync(taken, "not a backup");
        using var services = BackupRestoreTests.StoreAt(source);

        var overwrite = await RunAsync(() => SqliteBackupCommand.BackupAsync(["backup", "--out", taken], services, CancellationToken.None));
        var damaged = await RunAsync(() => SqliteBackupCommand.RestoreAsync(["restore", "--from", taken], services, CancellationToken.None));

        Assert.Equal(1, overwrite.Exit);
        Assert.Equal($"{taken} exists already; choose a new file so no backup is overwritten.", overwrite.Error.Trim());
        Assert.Equal(1, damaged.Exit);
        // The reason is SQLite's own: what an operator searches for.
        Assert.Equal($"{taken} failed its integrity check (SQLite Error 26: 'file is not a database'.); the store was left as it was.", damaged.Error.Trim());
        Assert.Equal("not a backup", await File.ReadAllTextAsync(taken));
    }

    [Fact]
    public async Task ABackupAndARestoreFromAnOlderBuildEachSayWhatTheyDidLeaveNoOtherFilesAndBringTheSchemaUpToDate()
    {
        // An older build's store: every migration but the last. Nothing else has it open, as when the service is stopped.
        var source = Path.Combine(directory, "old", "expertise.db");
        await MigratedStoreAsync(source, SqliteMigrator.Migrations.Count - 1);
        // A name a URI must escape: the restore reads the backup through one.
        var backup = Path.Combine(directory, "backups #1", "expertise 100% backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        // A backup interrupted earlier left its partial copy: it is not a database, and it must not stop the next one.
        await File.WriteAllTextAsync(backup + ".partial", "the start of an interrupted copy");
        var target = Path.Combine(directory, "new", "expertise.db");

        (int Exit, string Printed, string Error) backedUp, restored;
        using (var services = BackupRestoreTests.StoreAt(source))
        {
            backedUp = await RunAsync(() => SqliteBackupCommand.BackupAsync(["backup", "--out", backup], services, CancellationToken.None));
        }

        // The backup folder holds the backup alone: no partial copy, no write-ahead log or shared-memory file.
        Assert.Equal([backup], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(backup)!));

        using (var services = BackupRestoreTests.StoreAt(target))
        {
            restored = await RunAsync(() => SqliteBackupCommand.RestoreAsync(["restore", "--from", backup], services, CancellationToken.None));
        }

        // And still after the restore: reading the backup left nothing beside it.
        Assert.Equal([backup], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(backup)!));

        Assert.Equal((0, $"Backed up {source} to {backup} (integrity ok).", ""), (backedUp.Exit, backedUp.Printed.Trim(), backedUp.Error));
        Assert.Equal((0, $"Restored {target} from {backup}.", ""), (restored.Exit, restored.Printed.Trim(), restored.Error));
        // The stores' folders hold each its store alone: the verbs closed what they opened.
        Assert.Equal([source], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(source)!));
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!));
        Assert.Equal(SqliteMigrator.Migrations[^2].Version, await SchemaVersionAsync(backup));
        Assert.Equal(SqliteMigrator.Migrations[^1].Version, await SchemaVersionAsync(target));
    }

    /// <summary>A store at the path with the first <paramref name="migrations"/> migrations applied, closed after.</summary>
    private static async Task MigratedStoreAsync(string path, int migrations)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync();
        foreach (var (version, _, sql) in SqliteMigrator.Migrations.Take(migrations))
        {
            command.CommandText = $"{sql}; PRAGMA user_version = {version};";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<int> SchemaVersionAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int Exit, string Printed, string Error)> RunAsync(Func<Task<int>> verb)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await verb();
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
