using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Every connection the store uses is durable (synchronous=FULL: an acknowledged write survives a power loss) and waits
/// for a busy writer instead of failing, and reads through the memory map configured: a fresh handle, one the pool hands
/// back, and one opened after the pool let go.
/// </summary>
public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-connections", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqlitePools.ReleaseUnder(directory);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task EveryConnectionIsDurableAndWaitsForBusyWritersHoweverItWasOpened()
    {
        var factory = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = Path.Combine(directory, "nested", "expertise.db"), BusyTimeoutMilliseconds = 4321, MemoryMapBytes = 3 << 20 }));
        for (var round = 0; round < 3; round++)
        {
            // Two at once (two handles), then both back to the pool and taken again.
            await using (var first = await factory.OpenAsync(CancellationToken.None))
            await using (var second = await factory.OpenAsync(CancellationToken.None))
            {
                foreach (var connection in new[] { first, second })
                {
                    Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous")); // FULL
                    Assert.Equal(4321L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
                    Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
                    Assert.Equal(3L << 20, await ScalarAsync(connection, "PRAGMA mmap_size"));
                }
            }

            if (round == 1)
            {
                factory.ReleasePooledConnections();
            }
        }

        Assert.True(File.Exists(Path.Combine(directory, "nested", "expertise.db")));
    }

    [Fact]
    public async Task TheMemoryMapCanBeTurnedOffAndCannotBeNegative()
    {
        var path = Path.Combine(directory, "expertise.db");
        var off = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path, MemoryMapBytes = 0 }));
        await using (var connection = await off.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(0L, await ScalarAsync(connection, "PRAGMA mmap_size"));
        }

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path, MemoryMapBytes = -1 })));
        Assert.Contains("MemoryMapBytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreFileThatCannotBeOpenedFailsTheOpenWithSqlitesReason()
    {
        // A folder where the database file should be: SQLite cannot open it, and the caller must hear so (not get a
        // connection that fails later, or none at all).
        var path = Path.Combine(directory, "expertise.db");
        Directory.CreateDirectory(path);
        var factory = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path }));

        var refused = await Assert.ThrowsAsync<SqliteException>(() => factory.OpenAsync(CancellationToken.None));

        Assert.Equal(14, refused.SqliteErrorCode); // SQLITE_CANTOPEN
    }

    [Fact]
    public async Task AFileThatIsNotADatabaseFailsEachOpenAndLeavesNoHandleOnItOnceThePoolIsReleased()
    {
        // SQLite opens any file; the first statement that reads it (the settings, run by OpenAsync) finds it is not a
        // database. Each failed open must give its handle back, or every request against such a file leaks one until the
        // process runs out of file descriptors.
        var path = Path.Combine(directory, "expertise.db");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, new string('x', 8192));
        var factory = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path }));

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var refused = await Assert.ThrowsAsync<SqliteException>(() => factory.OpenAsync(CancellationToken.None));
            Assert.Equal(26, refused.SqliteErrorCode); // SQLITE_NOTADB
        }

        factory.ReleasePooledConnections();
        Assert.Equal(0, OpenHandlesOn(path));
    }

    /// <summary>How many of this process's file descriptors are open on the file (Linux: /proc/self/fd).</summary>
    private static int OpenHandlesOn(string path) => new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
        .Count(fd => fd.LinkTarget == Path.GetFullPath(path));

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
