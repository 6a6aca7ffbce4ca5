namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// An immutable array in chunks of 1,024, changed by copying only the chunks a change touches: a read model's next
/// snapshot shares everything else with the one before, so applying a change costs what it touches, not the size of
/// the network, and readers of the older snapshot are never disturbed.
/// </summary>
public sealed class ChunkedArray<T>
{
    private const int Shift = 10;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly T[][] chunks;

    private ChunkedArray(T[][] chunks, int length)
    {
        this.chunks = chunks;
        Length = length;
    }

    public int Length { get; }

    public T this[int index] => chunks[index >> Shift][index & Mask];

    /// <summary>The element itself, not a copy: for elements too large to copy on every read.</summary>
    public ref readonly T At(int index) => ref chunks[index >> Shift][index & Mask];

    /// <summary>An array holding <paramref name="values"/>.</summary>
    public ChunkedArray(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        chunks = new T[(values.Count + ChunkSize - 1) >> Shift][];
        Length = values.Count;
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = chunks[c] = new T[ChunkSize];
            var start = c << Shift;
            for (var i = 0; i < ChunkSize && start + i < values.Count; i++)
            {
                chunk[i] = values[start + i];
            }
        }
    }

    /// <summary>
    /// A copy with the given positions set; a position at or past the end grows the array (gaps hold the default).
    /// Only the chunks written to are copied.
    /// </summary>
    public ChunkedArray<T> With(IReadOnlyCollection<(int Index, T Value)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return this;
        }

        var length = Length;
        foreach (var (index, _) in changes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            length = Math.Max(length, index + 1);
        }

        var next = new T[(length + ChunkSize - 1) >> Shift][];
        Array.Copy(chunks, next, chunks.Length);
        var copied = new bool[next.Length];
        foreach (var (index, value) in changes)
        {
            var c = index >> Shift;
            if (!copied[c])
            {
                next[c] = c < chunks.Length ? (T[])chunks[c].Clone() : new T[ChunkSize];
                copied[c] = true;
            }

            next[c][index & Mask] = value;
        }

        return new ChunkedArray<T>(next, length);
    }

    public ChunkedArray<T> With(int index, T value) => With([(index, value)]);
}
