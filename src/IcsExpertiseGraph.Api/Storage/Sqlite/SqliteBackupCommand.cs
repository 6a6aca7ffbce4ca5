using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>
/// <c>backup --out &lt;file&gt;</c> and <c>restore --from &lt;file&gt;</c> for the embedded store.
/// Backup uses SQLite's online backup API, which copies one consistent snapshot while the service keeps serving
/// (in WAL mode writers are not blocked); the copy is checked and only then moved into place, so a half-written
/// backup never has the final name. Restore checks the backup, replaces the store's contents with it and brings
/// its schema up to date; run it with the service stopped, as its read models would not see the change.
/// </summary>
public static class SqliteBackupCommand
{
    public const string BackupUsage = "backup --out <file>";
    public const string RestoreUsage = "restore --from <file>";

    public static async Task<int> BackupAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (PathArgument(args, "--out") is not { } target)
        {
            return await UsageAsync(BackupUsage);
        }

        if (services.GetService<SqliteConnectionFactory>() is not { } connections)
        {
            return await NotEmbeddedAsync();
        }

        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"{target} exists already; choose a new file so no backup is overwritten.");
            return 1;
        }

        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = await connections.OpenAsync(cancellationToken))
        await using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            if (await IntegrityAsync(copy, cancellationToken) is var integrity && integrity != "ok")
            {
                await Console.Error.WriteLineAsync($"The backup failed its integrity check ({integrity}); nothing was written.");
                File.Delete(partial);
                return 1;
            }
        }

        connections.ReleasePooledConnections();
        File.Move(partial, target);
        Console.WriteLine($"Backed up {connections.FilePath} to {Path.GetFullPath(target)} (integrity ok).");
        return 0;
    }

    public static async Task<int> RestoreAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (PathArgument(args, "--from") is not { } backupFile)
        {
            return await UsageAsync(RestoreUsage);
        }

        if (services.GetService<SqliteConnectionFactory>() is not { } connections)
        {
            return await NotEmbeddedAsync();
        }

        if (!File.Exists(backupFile))
        {
            await Console.Error.WriteLineAsync($"There is no backup at {backupFile}.");
            return 1;
        }

        await using (var backup = OpenUnchanging(backupFile))
        {
            // Checked before the store is touched: a damaged backup must not replace a good store.
            if (await IntegrityAsync(backup, cancellationToken) is var integrity && integrity != "ok")
            {
                await Console.Error.WriteLineAsync($"{backupFile} failed its integrity check ({integrity}); the store was left as it was.");
                return 1;
            }

            await using var store = await connections.OpenAsync(cancellationToken);
            backup.BackupDatabase(store);
            await SqliteMigrator.MigrateAsync(store, cancellationToken);
        }

        connections.ReleasePooledConnections();
        Console.WriteLine($"Restored {connections.FilePath} from {Path.GetFullPath(backupFile)}.");
        return 0;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// A backup to restore from, read as a file nothing changes (SQLite's <c>immutable</c>): the backup of a store in WAL mode
    /// is marked WAL in its header, and any other read-only connection to it creates -wal and -shm files beside it that it
    /// cannot remove, so a restore would leave them behind in the operator's backup folder.
    /// </summary>
    private static SqliteConnection OpenUnchanging(string path)
    {
        var uri = new UriBuilder { Scheme = Uri.UriSchemeFile, Host = string.Empty, Path = Path.GetFullPath(path) }.Uri.AbsoluteUri;
        return Open(uri + "?immutable=1", SqliteOpenMode.ReadOnly);
    }

    /// <summary>"ok", or what is wrong: SQLite's first finding, or why the file could not be read as a database at all.</summary>
    internal static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static string? PathArgument(string[] args, string name) =>
        args is [_, var flag, var value] && flag == name && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static async Task<int> UsageAsync(string usage)
    {
        await Console.Error.WriteLineAsync($"Usage: {usage}");
        return 2;
    }

    private static async Task<int> NotEmbeddedAsync()
    {
        await Console.Error.WriteLineAsync("backup and restore are for the embedded SQLite store (Storage:Provider=Sqlite); back up Neo4j with its own tools.");
        return 1;
    }
}
