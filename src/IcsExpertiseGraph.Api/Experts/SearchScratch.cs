namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// One thread's working memory for searches: arrays of one slot per person, and lists that keep their capacity. A search
/// nobody asked before must not allocate in proportion to the people it touches: lists growing to tens of thousands of
/// entries land on the large object heap and bring full collections with them, which cost more than the search.
/// Slots are either set back by whoever used them (<see cref="Text"/>, <see cref="Partial"/>, <see cref="Frequency"/>)
/// or marked with a stamp never used before (<see cref="Stamp"/>), so nothing of a million slots is cleared whole.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? current;

    private int stamp;

    private SearchScratch(int people) => Grow(people);

    /// <summary>Text relevance per person; zero outside a search.</summary>
    public double[] Text { get; private set; } = [];

    /// <summary>One word group's BM25 so far per person; zero outside a search.</summary>
    public double[] Partial { get; private set; } = [];

    /// <summary>A word's term frequency per person (summed over the words it prefixes); zero outside a search.</summary>
    public float[] Frequency { get; private set; } = [];

    private ulong[] members = [];
    private ulong[] filter = [];

    /// <summary>Stamped when a person is counted in a word's document frequency.</summary>
    public int[] Counted { get; private set; } = [];

    /// <summary>Stamped when a person has every word of a group so far.</summary>
    public int[] Progress { get; private set; } = [];

    public IntList Touched { get; } = new();

    public IntList First { get; } = new();

    public IntList Next { get; } = new();

    public MatchList Matches { get; } = new();

    /// <summary>This thread's scratch, with a slot for each of <paramref name="people"/>.</summary>
    public static SearchScratch For(int people)
    {
        var scratch = current ??= new SearchScratch(people);
        if (scratch.Text.Length < people)
        {
            scratch.Grow(people);
        }

        return scratch;
    }

    /// <summary>A bit per person, all clear: a filter's people, before they are combined with the members.</summary>
    public Span<ulong> Filter(int words)
    {
        var span = filter.AsSpan(0, words);
        span.Clear();
        return span;
    }

    /// <summary>A bit per person, all clear: who a search will place (a million people are 16,000 words to clear).</summary>
    public ulong[] Members(int words)
    {
        Array.Clear(members, 0, words);
        return members;
    }

    /// <summary>A stamp no slot holds yet.</summary>
    public int Stamp()
    {
        if (stamp == int.MaxValue)
        {
            // Two billion stamps later: start again from clean arrays.
            Array.Clear(Counted);
            Array.Clear(Progress);
            stamp = 0;
        }

        return ++stamp;
    }

    private void Grow(int people)
    {
        var length = Math.Max(1024, people + (people / 8));
        Text = new double[length];
        Partial = new double[length];
        Frequency = new float[length];
        members = new ulong[(length + 63) >> 6];
        filter = new ulong[(length + 63) >> 6];
        Counted = new int[length];
        Progress = new int[length];
        stamp = 0;
    }
}

