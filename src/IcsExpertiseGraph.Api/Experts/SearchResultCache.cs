namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Ranked results of recent searches on one index snapshot, so paging through a result, refining its facets, or
/// many people asking the same popular question rank it once. The cache belongs to the snapshot: a committed write
/// builds a new snapshot with an empty cache, so a result never outlives the data it was ranked from. Entries expire
/// after a minute (the ranker's freshness signal moves with the clock) and the cache holds at most
/// <see cref="Budget"/> ranked people in all, dropping the least recently used results first.
/// </summary>
public sealed class SearchResultCache
{
    public const int Budget = 200_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private int held;

    public bool TryGet(string key, DateTimeOffset now, out SearchOutcome outcome)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node) && now - node.Value.At < Lifetime)
            {
                recency.Remove(node);
                recency.AddFirst(node);
                outcome = node.Value.Outcome;
                return true;
            }
        }

        outcome = null!;
        return false;
    }

    public void Add(string key, SearchOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var size = Math.Max(1, outcome.TotalCount);
        if (size > Budget)
        {
            return;
        }

        lock (gate)
        {
            if (entries.Remove(key, out var old))
            {
                Drop(old);
            }

            while (held + size > Budget && recency.Last is { } oldest)
            {
                entries.Remove(oldest.Value.Key);
                Drop(oldest);
            }

            entries[key] = recency.AddFirst(new Entry(key, outcome, now, size));
            held += size;
        }
    }

    /// <summary>What decides a search's result: the words, the filter, and which people the viewer may see (<see cref="ExpertIndex.ViewKey"/>).</summary>
    public static string Key(string? query, ExpertFilter filter, string viewKey)
    {
        ArgumentNullException.ThrowIfNull(filter);
        static string Set<T>(IEnumerable<T> values) => string.Join(',', values.Select(v => v!.ToString()).Order(StringComparer.Ordinal));
        return string.Join('|', viewKey, query?.Trim() ?? "", Set(filter.SkillIds), filter.MinLevel?.ToString() ?? "", Set(filter.Domains),
            Set(filter.IntegratedCareSystemIds), Set(filter.PlaceIds), Set(filter.OrganisationTypes), filter.AvailableOnly, filter.OpenToCrossOrganisation?.ToString() ?? "");
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        held -= node.Value.Size;
    }

    private sealed record Entry(string Key, SearchOutcome Outcome, DateTimeOffset At, int Size);
}
