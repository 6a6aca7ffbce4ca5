using IcsExpertiseGraph.Api.Auth;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>
/// The embedded adapter of the store port: one SQLite file in WAL mode. Reads run concurrently on
/// pooled connections; writes are serialised in-process and each is one IMMEDIATE transaction.
/// The partial files hold reads, search and import.
/// </summary>
public sealed partial class SqliteExpertiseStore(SqliteConnectionFactory connections) : IExpertiseStore, IDisposable
{
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public void Dispose() => writeGate.Dispose();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await SqliteMigrator.MigrateAsync(connection, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM change_sequence WHERE id = 1";
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarLongAsync("SELECT (SELECT count(*) FROM integrated_care_system) + (SELECT count(*) FROM person)", cancellationToken) == 0;

    public Task<long> GetChangeSequenceAsync(CancellationToken cancellationToken) =>
        ScalarLongAsync("SELECT value FROM change_sequence WHERE id = 1", cancellationToken);

    private async Task<long> ScalarLongAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The visibility rule in SQL, over a person aliased <c>p</c>; binds $viewerMember, $viewerSelf, $viewerAdmin.</summary>
    private const string VisibleToViewer =
        "(p.visibility = 'PUBLIC' OR ($viewerMember = 1 AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin = 1)";

    private static SqliteCommand WithViewer(SqliteCommand command, Viewer viewer) => command
        .With("$viewerMember", viewer.IsMember ? 1 : 0)
        .With("$viewerSelf", viewer.PersonId is { } self ? SqliteValues.Id(self) : DBNull.Value)
        .With("$viewerAdmin", viewer.IsAdmin ? 1 : 0);
}
