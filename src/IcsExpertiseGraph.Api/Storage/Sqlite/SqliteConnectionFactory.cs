using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to the one database file, each with the durability settings applied:
/// synchronous=FULL so an acknowledged (committed) write survives a power loss in WAL mode,
/// foreign keys enforced, a busy timeout so concurrent writers queue instead of failing, and the memory map size
/// (<see cref="SqliteOptions.MemoryMapBytes"/>: 0 by default, so reads copy pages unless a size is configured).
/// </summary>
public sealed class SqliteConnectionFactory
{
    private readonly string connectionString;
    private readonly string pragmas;

    /// <summary>The open SQLite handles the pragmas have been applied to (weakly: a handle the pool closes drops out).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = [];
    private static readonly object Configured = new();
    private volatile bool directoryMade;

    public SqliteConnectionFactory(IOptions<SqliteOptions> options)
    {
        var settings = options.Value;
        FilePath = System.IO.Path.GetFullPath(settings.Path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MemoryMapBytes, "Storage:Sqlite:MemoryMapBytes");
        pragmas = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {settings.BusyTimeoutMilliseconds}; PRAGMA mmap_size = {settings.MemoryMapBytes};";
    }

    public string FilePath { get; }

    /// <summary>
    /// Closes this file's idle pooled connections, and only this file's: clearing every pool would also close
    /// connections that other stores in the same process are using (tests run many stores side by side).
    /// </summary>
    public void ReleasePooledConnections()
    {
        using var samePool = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(samePool);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!directoryMade)
        {
            var directory = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            directoryMade = true;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The settings belong to the SQLite handle, which the pool keeps open between uses: applied once per handle, not
            // on every open (every request opens one).
            if (connection.Handle is { } handle && !configured.TryGetValue(handle, out _))
            {
                using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                configured.AddOrUpdate(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
