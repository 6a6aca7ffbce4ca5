using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Releases the pooled connections of a test's own database files before its directory is deleted. Never
/// SqliteConnection.ClearAllPools: that closes connections other tests, running at the same time, are using.
/// </summary>
internal static class SqlitePools
{
    public static void ReleaseUnder(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.db", SearchOption.AllDirectories))
        {
            new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = file })).ReleasePooledConnections();
        }
    }
}
