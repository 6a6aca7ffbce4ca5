using IcsExpertiseGraph.Api.Storage.Sqlite;
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

    private static async Task<object?> ScalarAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
