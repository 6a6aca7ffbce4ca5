namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// What changed after a sequence, read from the store's change feed: every entry of the sequences after the one asked
/// for up to <see cref="Through"/>, whole sequences only. <see cref="PrunedThrough"/> is the newest sequence whose entries
/// were pruned: a reader behind it cannot follow the feed and must rebuild whole. <see cref="Through"/> below
/// <see cref="Latest"/> means more is waiting (the batch was cut at a size).
/// </summary>
public sealed record ChangeBatch(long Latest, long PrunedThrough, long Through, IReadOnlyList<ChangeEntry> Entries)
{
    /// <summary>Whether a model at <paramref name="sequence"/> can follow this batch (its entries were not pruned).</summary>
    public bool CanFollowFrom(long sequence) => sequence >= PrunedThrough;
}
