using System.Collections.Immutable;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Ids to positions for a read model that follows the change feed: an immutable map whose new versions share almost
/// everything with the old. A position never changes while the model follows the feed (only new ids are added and
/// erased ones removed), so the map is the frozen table of the last whole build plus a small persistent overlay of what
/// was added or removed since. Building a million-entry ImmutableDictionary (a balanced tree of a node per id) cost
/// seconds of a cold start and about 100 bytes an id; the frozen table costs a fraction of both, and a write still
/// makes a new version in time proportional to what it changed.
/// </summary>
public sealed class PositionMap
{
    private const int Removed = -1;

    private readonly Dictionary<Guid, int> built;
    private readonly ImmutableDictionary<Guid, int> changed;

    private PositionMap(Dictionary<Guid, int> built, ImmutableDictionary<Guid, int> changed)
    {
        this.built = built;
        this.changed = changed;
    }

    /// <summary>A map of ids to their index in <paramref name="idsInPositionOrder"/>.</summary>
    public static PositionMap From(IReadOnlyList<Guid> idsInPositionOrder)
    {
        ArgumentNullException.ThrowIfNull(idsInPositionOrder);
        var built = new Dictionary<Guid, int>(idsInPositionOrder.Count);
        for (var i = 0; i < idsInPositionOrder.Count; i++)
        {
            built[idsInPositionOrder[i]] = i;
        }

        return new PositionMap(built, ImmutableDictionary<Guid, int>.Empty);
    }

    public bool TryGetValue(Guid id, out int position)
    {
        if (changed.TryGetValue(id, out position))
        {
            return position != Removed;
        }

        return built.TryGetValue(id, out position);
    }

    public int this[Guid id] => TryGetValue(id, out var position) ? position : throw new KeyNotFoundException($"No position for {id}.");

    /// <summary>A mutable copy for one batch of changes; <see cref="Builder.ToImmutable"/> makes the next version.</summary>
    public Builder ToBuilder() => new(this);

    /// <summary>Collects one batch's additions and removals on top of a version.</summary>
    public sealed class Builder
    {
        private readonly PositionMap from;
        private readonly ImmutableDictionary<Guid, int>.Builder changes;

        internal Builder(PositionMap from)
        {
            this.from = from;
            changes = from.changed.ToBuilder();
        }

        public int this[Guid id]
        {
            set => changes[id] = value;
        }

        public bool TryGetValue(Guid id, out int position)
        {
            if (changes.TryGetValue(id, out position))
            {
                return position != Removed;
            }

            return from.built.TryGetValue(id, out position);
        }

        public void Remove(Guid id)
        {
            if (from.built.ContainsKey(id))
            {
                changes[id] = Removed;
            }
            else
            {
                changes.Remove(id);
            }
        }

        public PositionMap ToImmutable() => new(from.built, changes.ToImmutable());
    }
}
