using IcsExpertiseGraph.Api.Auth;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// The production adapter of the store port: Neo4j through its Query API. Every statement comes from a .cypher file
/// (<see cref="CypherStatements"/>). Reads are single statements in implicit transactions; every write is one explicit
/// transaction whose first statement bumps the change sequence, which takes the lock on that node: writes serialise
/// exactly as in the embedded store, so the checks a write makes (an email is free, a project has no lead) still hold
/// when it commits, and a refused write rolls back whole. The partial files hold reads, search, writes and import.
/// </summary>
public sealed partial class Neo4jExpertiseStore(Neo4jQueryClient client, CypherStatements cypher) : IExpertiseStore
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in cypher.Schema)
        {
            await client.RunAsync(statement, null, cancellationToken);
        }

        await client.RunAsync(cypher["await-indexes"], null, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Neo4jRecord.First(await ReadAsync("read-change-sequence", cancellationToken)) is not null;
        }
        catch (Exception e) when (e is Neo4jException or Neo4jUnavailableException or HttpRequestException)
        {
            return false;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        Neo4jRecord.First(await ReadAsync("count-network", cancellationToken))!.Value.Long("total") == 0;

    public async Task<long> GetChangeSequenceAsync(CancellationToken cancellationToken) =>
        Neo4jRecord.First(await ReadAsync("read-change-sequence", cancellationToken))?.Long("value")
        ?? throw new Neo4jException("Client.Protocol", "The change sequence node is missing: run the migrate verb.");

    private Task<Neo4jResult> ReadAsync(string statement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        client.RunAsync(cypher[statement], Parameters(parameters), cancellationToken);

    private static Dictionary<string, object?> Parameters((string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>The viewer's part of the visibility rule every person-returning statement states in Cypher.</summary>
    private static (string, object?)[] ViewerParameters(Viewer viewer) =>
        [("viewerMember", viewer.IsMember), ("viewerSelf", Id(viewer.PersonId)), ("viewerAdmin", viewer.IsAdmin)];

    /// <summary>Runs one write in one explicit transaction, opened by bumping the change sequence (the write lock).</summary>
    private Task<T> WriteAsync<T>(Func<Neo4jWork, Task<T>> body, CancellationToken cancellationToken) =>
        client.InTransactionAsync(async transaction =>
        {
            var write = new Neo4jWork(transaction, cypher, cancellationToken);
            // Without the sequence node there would be no lock and no change for the read models to notice.
            _ = await write.FirstAsync("begin-write") ?? throw new Neo4jException("Client.Schema", "The change sequence node is missing: run the migrate verb.");
            return await body(write);
        }, cancellationToken);

    /// <summary>
    /// A write that changes nothing the read models hold (invitations): one explicit transaction that takes the same
    /// lock on the sequence node without bumping it, so no read model rebuilds for it.
    /// </summary>
    private Task<T> SideWriteAsync<T>(Func<Neo4jWork, Task<T>> body, CancellationToken cancellationToken) =>
        client.InTransactionAsync(async transaction =>
        {
            var write = new Neo4jWork(transaction, cypher, cancellationToken);
            _ = await write.FirstAsync("begin-side-write") ?? throw new Neo4jException("Client.Schema", "The change sequence node is missing: run the migrate verb.");
            return await body(write);
        }, cancellationToken);
}
