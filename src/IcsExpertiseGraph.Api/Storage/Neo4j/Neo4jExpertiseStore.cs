using IcsExpertiseGraph.Api.Auth;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// The production adapter of the store port: Neo4j through its Query API. Every statement comes from a .cypher file
/// (<see cref="CypherStatements"/>). Reads are single statements in implicit transactions; every write is one explicit
/// transaction whose first statement takes the lock on the change-sequence node: writes serialise exactly as in the
/// embedded store, so the checks a write makes (an email is free, a project has no lead) still hold when it commits,
/// and a refused write rolls back whole. Its last statement bumps the sequence and records what it changed as
/// (:Change) nodes, the change feed, when it changed something. The rules a write obeys are not here: the adapter reads
/// the facts, a store-independent rule (<c>ProfileRules</c>, <c>SkillRules</c>, <c>ProjectRules</c>, <c>OrganisationRules</c>,
/// <c>InvitationRules</c>) decides and names the error and the audit event, and the adapter writes (<see cref="Neo4jWork"/>).
/// The partial files, the same in both adapters, hold Reads, Search, Collaboration, ChangeFeed, SignIn (linking and creating a profile,
/// erasure records), Profiles (profile, skills, endorsements), Projects, Organisations, Invitations, Outbox, Audit, DataRights (export, delete, bulk
/// people import) and Import (a whole network).
/// </summary>
public sealed partial class Neo4jExpertiseStore(Neo4jQueryClient client, CypherStatements cypher, Neo4jOptions options) : IExpertiseStore, IDisposable
{
    /// <summary>
    /// Writes of this instance queue here, in memory, before they take the sequence node's lock: a transaction waiting
    /// for that lock would otherwise hold one of the server's few HTTP worker threads, and enough of them could starve
    /// the lock holder's own next request. The node lock still serialises writes across instances.
    /// </summary>
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public void Dispose() => writeGate.Dispose();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in cypher.Schema)
        {
            await client.RunAsync(statement, null, cancellationToken);
        }

        // The procedure waits up to five minutes on the server; the request may take as long.
        await client.RunAsync(cypher["await-indexes"], null, cancellationToken, options.LongRequestTimeout);
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

    /// <summary>
    /// Runs one write in one explicit transaction: begin-write takes the write lock first, and what the write changed for
    /// the read models (<see cref="Neo4jWork.Changed"/>) is recorded at its end under the next change sequence
    /// (record-changes), in the same transaction; a write that changed nothing leaves the sequence alone.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<Neo4jWork, Task<T>> body, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        LockedWriteAsync(body, recordsChanges: true, timeout, cancellationToken);

    /// <summary>
    /// A write that changes nothing the read models hold (invitations, the outbox, pruning the feed): the same lock,
    /// and never a change recorded, so no read model does anything for it.
    /// </summary>
    private Task<T> SideWriteAsync<T>(Func<Neo4jWork, Task<T>> body, CancellationToken cancellationToken) =>
        LockedWriteAsync(body, recordsChanges: false, null, cancellationToken);

    private async Task<T> LockedWriteAsync<T>(Func<Neo4jWork, Task<T>> body, bool recordsChanges, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            return await client.InTransactionAsync(async transaction =>
            {
                var write = new Neo4jWork(transaction, cypher, cancellationToken);
                // Without the sequence node there would be no lock and no change for the read models to notice.
                _ = await write.FirstAsync("begin-write") ?? throw new Neo4jException("Client.Schema", "The change sequence node is missing: run the migrate verb.");
                var result = await body(write);
                if (recordsChanges)
                {
                    await write.RecordChangesAsync();
                }

                return result;
            }, cancellationToken, timeout);
        }
        finally
        {
            writeGate.Release();
        }
    }
}
