using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// The change feed on Neo4j: (:Change {sequence, position, kind, id}) nodes, written by record-changes as the last
/// statement of the write that made the changes (so the feed holds exactly the committed writes, each under its own
/// sequence), read after a sequence and pruned up to one by the :Change(sequence) index; the pruning mark is the
/// change-sequence node's prunedThrough.
/// </summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<ChangeBatch> ReadChangesAsync(long afterSequence, int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        return client.InTransactionAsync(async transaction =>
        {
            // Neo4j reads what is committed statement by statement (no snapshot), so: the entries stop at the sequence read
            // first (a write committing meanwhile waits for the next batch), and the pruning mark is read last (a prune
            // that ran meanwhile, taking entries this batch needed, shows in it and the reader rebuilds).
            var read = new Neo4jWork(transaction, cypher, cancellationToken);
            var latest = (await read.FirstAsync("read-change-sequence"))!.Value.Long("value");
            var entries = await ChangesAsync(read, afterSequence, latest, maxEntries + 1L);
            var through = latest;
            if (entries.Count > maxEntries)
            {
                // Whole sequences only: the last one read may go on past the limit, so it is left for the next batch,
                // unless it is the only one (then it comes whole, however large).
                var cut = entries[^1].Sequence;
                if (entries[0].Sequence == cut)
                {
                    entries = await ChangesAsync(read, cut - 1, cut, long.MaxValue);
                    through = cut;
                }
                else
                {
                    entries.RemoveAll(e => e.Sequence == cut);
                    through = cut - 1;
                }
            }

            var prunedThrough = (await read.FirstAsync("read-change-sequence"))!.Value.Long("prunedThrough");
            return new ChangeBatch(latest, prunedThrough, through, entries);
        }, cancellationToken);
    }

    /// <summary>Under the write lock, as on SQLite; records no change itself.</summary>
    public Task<int> PruneChangesAsync(long throughSequence, CancellationToken cancellationToken) =>
        SideWriteAsync(async write => (int)(await write.FirstAsync("prune-changes", ("through", throughSequence)))!.Value.Long("removed"), cancellationToken);

    private static async Task<List<ChangeEntry>> ChangesAsync(Neo4jWork read, long after, long through, long limit) =>
        [.. Neo4jRecord.All(await read.RunAsync("read-changes", ("after", after), ("through", through), ("limit", limit)))
            .Select(r => new ChangeEntry(r.Long("sequence"), r.Enum<ChangeKind>("kind"), r.Id("id")))];
}
