using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's change feed: what each write changed, read after a sequence, and pruned.</summary>
public sealed partial class SqliteExpertiseStore
{
    public async Task<ChangeBatch> ReadChangesAsync(long afterSequence, int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One read transaction: the sequence, the pruning point and the entries agree with each other.
        using var transaction = connection.BeginTransaction(deferred: true);
        long latest = 0, prunedThrough = 0;
        await ReadAsync(connection, transaction, "SELECT value, pruned_through FROM change_sequence WHERE id = 1",
            r => (latest, prunedThrough) = (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var entries = new List<ChangeEntry>();
        await ReadAsync(connection, transaction, "SELECT sequence, kind, id FROM change_log WHERE sequence > $after ORDER BY sequence, rowid LIMIT $limit",
            r => entries.Add(new ChangeEntry(r.GetInt64(0), EnumText.Parse<ChangeKind>(r.GetString(1)), r.GetId(2))), cancellationToken,
            ("$after", afterSequence), ("$limit", maxEntries + 1));
        var through = latest;
        if (entries.Count > maxEntries)
        {
            // Whole sequences only: the last one read may go on past the limit, so it is left for the next batch,
            // unless it is the only one (then it comes whole, however large).
            var cut = entries[^1].Sequence;
            if (entries[0].Sequence == cut)
            {
                entries.Clear();
                await ReadAsync(connection, transaction, "SELECT sequence, kind, id FROM change_log WHERE sequence = $cut ORDER BY rowid",
                    r => entries.Add(new ChangeEntry(r.GetInt64(0), EnumText.Parse<ChangeKind>(r.GetString(1)), r.GetId(2))), cancellationToken, ("$cut", cut));
                through = cut;
            }
            else
            {
                entries.RemoveAll(e => e.Sequence == cut);
                through = cut - 1;
            }
        }

        return new ChangeBatch(latest, prunedThrough, through, entries);
    }

    public Task<int> PruneChangesAsync(long throughSequence, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var removed = write.Execute("DELETE FROM change_log WHERE sequence <= $through", ("$through", throughSequence));
            write.Execute("UPDATE change_sequence SET pruned_through = max(pruned_through, $through) WHERE id = 1", ("$through", throughSequence));
            return removed;
        }, changesReadModels: false, cancellationToken);

    /// <summary>
    /// The SQL condition that keeps rows of the scope's people (by a column holding a person's integer key), or
    /// nothing extra for a whole load; binds $scopePeople.
    /// </summary>
    private static string PeopleIn(SourceScope scope, string personKeyColumn) =>
        scope.People is null ? "1 = 1" : $"{personKeyColumn} IN (SELECT pk FROM person WHERE id IN (SELECT value FROM json_each($scopePeople)))";

    private static string OrganisationsIn(SourceScope scope, string organisationKeyColumn) =>
        scope.Organisations is null ? "1 = 1" : $"{organisationKeyColumn} IN (SELECT pk FROM organisation WHERE id IN (SELECT value FROM json_each($scopeOrganisations)))";

    private static (string, object)[] ScopeParameters(SourceScope scope, params (string Name, object Value)[] more) =>
    [
        .. more,
        .. scope.People is { } people ? [("$scopePeople", (object)JsonIds(people))] : Array.Empty<(string, object)>(),
        .. scope.Organisations is { } organisations ? [("$scopeOrganisations", (object)JsonIds(organisations))] : Array.Empty<(string, object)>(),
        .. scope.Projects is { } projects ? [("$scopeProjects", (object)JsonIds(projects))] : Array.Empty<(string, object)>(),
    ];

    private static async Task<long> ReadSequenceAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var sequence = 0L;
        await ReadAsync(connection, transaction, "SELECT value FROM change_sequence WHERE id = 1", r => sequence = r.GetInt64(0), cancellationToken);
        return sequence;
    }
}
