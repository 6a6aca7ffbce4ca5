namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A list of positions that keeps its array between uses.</summary>
internal sealed class IntList
{
    private int[] items = new int[256];

    public int Count { get; private set; }

    public int this[int index] => items[index];

    public ReadOnlySpan<int> Span => items.AsSpan(0, Count);

    public void Add(int value)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[Count++] = value;
    }

    public void Clear() => Count = 0;
}
