namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// An immutable set of people positions as bits, in chunks of 65,536 positions (1,024 words), changed by copying only the
/// chunks a change touches (as <see cref="Storage.ChunkedArray{T}"/>): who holds a skill, who is available, who is in a
/// quality domain. A search combines these a word (64 people) at a time before it looks at anyone, so the filter and the
/// visibility rules cost a few thousand word operations instead of a visit to every match.
/// </summary>
internal sealed class BitColumn
{
    private const int Shift = 10;
    private const int ChunkWords = 1 << Shift;
    private const int Mask = ChunkWords - 1;

    private readonly ulong[]?[] chunks;   // null: a chunk with no position set (most chunks of a rare skill)

    private BitColumn(ulong[]?[] chunks, int count) => (this.chunks, Count) = (chunks, count);

    public static BitColumn Empty { get; } = new([], 0);

    /// <summary>How many positions are set.</summary>
    public int Count { get; }

    /// <summary>The word holding positions 64w to 64w+63.</summary>
    public ulong Word(int w) => (w >> Shift) < chunks.Length && chunks[w >> Shift] is { } chunk ? chunk[w & Mask] : 0;

    public bool Has(int position) => (Word(position >> 6) & (1UL << position)) != 0;

    /// <summary>The set of these positions.</summary>
    public static BitColumn Of(IEnumerable<int> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var chunks = new List<ulong[]?>();
        var count = 0;
        foreach (var position in positions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            var c = position >> (Shift + 6);
            while (chunks.Count <= c)
            {
                chunks.Add(null);
            }

            ref var word = ref (chunks[c] ??= new ulong[ChunkWords])[(position >> 6) & Mask];
            count += (word & (1UL << position)) == 0 ? 1 : 0;
            word |= 1UL << position;
        }

        return new BitColumn([.. chunks], count);
    }

    /// <summary>A copy with these positions set or cleared; only the chunks written to are copied.</summary>
    public BitColumn With(IReadOnlyCollection<(int Position, bool Set)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return this;
        }

        var length = chunks.Length;
        foreach (var (position, set) in changes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            length = set ? Math.Max(length, (position >> (Shift + 6)) + 1) : length;
        }

        var next = new ulong[]?[length];
        Array.Copy(chunks, next, chunks.Length);
        var copied = new bool[length];
        var count = Count;
        foreach (var (position, set) in changes)
        {
            var c = position >> (Shift + 6);
            if (c >= length)
            {
                continue; // clearing a position past the end: already clear
            }

            if (!copied[c])
            {
                next[c] = next[c] is { } shared ? (ulong[])shared.Clone() : new ulong[ChunkWords];
                copied[c] = true;
            }

            ref var word = ref next[c]![(position >> 6) & Mask];
            var was = (word & (1UL << position)) != 0;
            count += (set ? 1 : 0) - (was ? 1 : 0);
            word = set ? word | (1UL << position) : word & ~(1UL << position);
        }

        return new BitColumn(next, count);
    }

    /// <summary>How many of these positions are set in <paramref name="members"/> too.</summary>
    public int CountIn(ReadOnlySpan<ulong> members)
    {
        var count = 0;
        for (var c = 0; c < chunks.Length && (c << Shift) < members.Length; c++)
        {
            if (chunks[c] is { } chunk)
            {
                var part = members[(c << Shift)..];
                count += CountBoth(chunk.AsSpan(0, Math.Min(ChunkWords, part.Length)), part);
            }
        }

        return count;
    }

    /// <summary>
    /// The set bits <paramref name="a"/> and <paramref name="b"/> share, over <paramref name="a"/>'s words. Four sums side
    /// by side: a facet count reads every skill's column, and one running sum made each word wait for the one before.
    /// </summary>
    private static int CountBoth(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        b = b[..a.Length];
        var (s0, s1, s2, s3) = (0, 0, 0, 0);
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
        {
            s0 += System.Numerics.BitOperations.PopCount(a[i] & b[i]);
            s1 += System.Numerics.BitOperations.PopCount(a[i + 1] & b[i + 1]);
            s2 += System.Numerics.BitOperations.PopCount(a[i + 2] & b[i + 2]);
            s3 += System.Numerics.BitOperations.PopCount(a[i + 3] & b[i + 3]);
        }

        for (; i < a.Length; i++)
        {
            s0 += System.Numerics.BitOperations.PopCount(a[i] & b[i]);
        }

        return s0 + s1 + s2 + s3;
    }

    /// <summary>target |= this, over the target's words.</summary>
    public void OrInto(Span<ulong> target)
    {
        for (var c = 0; c < chunks.Length && (c << Shift) < target.Length; c++)
        {
            if (chunks[c] is not { } chunk)
            {
                continue;
            }

            var part = target[(c << Shift)..];
            var source = chunk.AsSpan(0, Math.Min(ChunkWords, part.Length));
            for (var i = 0; i < source.Length; i++)
            {
                part[i] |= source[i];
            }
        }
    }

    /// <summary>target &amp;= this (or &amp;= not this, when <paramref name="negate"/>), over the target's words.</summary>
    public void AndInto(Span<ulong> target, bool negate = false)
    {
        for (var c = 0; (c << Shift) < target.Length; c++)
        {
            var part = target[(c << Shift)..];
            part = part[..Math.Min(ChunkWords, part.Length)];
            if (c >= chunks.Length || chunks[c] is not { } chunk)
            {
                if (!negate)
                {
                    part.Clear();
                }

                continue;
            }

            var flip = negate ? ulong.MaxValue : 0;
            for (var i = 0; i < part.Length; i++)
            {
                part[i] &= chunk[i] ^ flip;
            }
        }
    }
}
