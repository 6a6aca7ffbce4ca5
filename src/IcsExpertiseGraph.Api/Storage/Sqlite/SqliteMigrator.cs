using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>
/// Applies the numbered files of schema/sqlite (embedded as sqlite/NNNN_name.sql) in order, each in its
/// own transaction together with the PRAGMA user_version that records it, so a failed migration leaves
/// the database at the previous version.
/// </summary>
public static class SqliteMigrator
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations();

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", null, cancellationToken);
        var current = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        var latest = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({latest}). Use a newer build.");
        }

        foreach (var (version, _, sql) in Migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, sql, transaction, cancellationToken);
            await ExecuteAsync(connection, $"PRAGMA user_version = {version};", transaction, cancellationToken);
            transaction.Commit();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static List<(int, string, string)> LoadMigrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("sqlite/", StringComparison.Ordinal)))
        {
            var name = resource["sqlite/".Length..];
            var number = name.Split('_', 2)[0];
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{name}' must start with its number, e.g. 0002_add_x.sql.");
            }

            migrations.Add((version, name, ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Item1 != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1..n without gaps; found {migrations[i].Item2}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
