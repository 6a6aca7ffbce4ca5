namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// One thread's working memory for searches: arrays of one slot per person, and lists that keep their capacity. A search
/// nobody asked before must not allocate in proportion to the people it touches: lists growing to tens of thousands of
/// entries land on the large object heap and bring full collections with them, which cost more than the search.
/// Slots are either set back by whoever used them (<see cref="Text"/>, <see cref="Partial"/>, <see cref="Frequency"/>)
/// or marked with a stamp never used before (<see cref="Stamp"/>), so nothing is cleared whole.
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

    /// <summary>Stamped when a person is considered for a search.</summary>
    public int[] Seen { get; private set; } = [];

    /// <summary>Stamped when a person is counted in a word's document frequency.</summary>
    public int[] Counted { get; private set; } = [];

    /// <summary>Stamped when a person has every word of a group so far.</summary>
    public int[] Progress { get; private set; } = [];

    /// <summary>How many answering skills each person considered holds (set when they are first seen).</summary>
    public int[] SlotCount { get; private set; } = [];

    /// <summary>The first <see cref="Slots"/> answering skill positions each person holds, <see cref="Slots"/> slots a person.</summary>
    public int[] SkillSlots { get; private set; } = [];

    public const int Slots = 4;

    public IntList Touched { get; } = new();

    public IntList People { get; } = new();

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

    /// <summary>A stamp no slot holds yet.</summary>
    public int Stamp()
    {
        if (stamp == int.MaxValue)
        {
            // Two billion stamps later: start again from clean arrays.
            Array.Clear(Seen);
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
        Seen = new int[length];
        Counted = new int[length];
        Progress = new int[length];
        SlotCount = new int[length];
        SkillSlots = new int[length * Slots];
        stamp = 0;
    }
}

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

/// <summary>The matches of one search as it places them, column by column, kept between searches.</summary>
internal sealed class MatchList
{
    private int[] positions = new int[1024];
    private int[] places = new int[1024];
    private double[] texts = new double[1024];
    private double[] bounds = new double[1024];
    private byte[] byName = new byte[1024];

    public int Count { get; private set; }

    public int SkillHolders { get; private set; }

    public ReadOnlySpan<int> Positions => positions.AsSpan(0, Count);

    public ReadOnlySpan<int> Places => places.AsSpan(0, Count);

    public ReadOnlySpan<double> Texts => texts.AsSpan(0, Count);

    public ReadOnlySpan<double> Bounds => bounds.AsSpan(0, Count);

    public ReadOnlySpan<byte> ByName => byName.AsSpan(0, Count);

    public void Clear() => (Count, SkillHolders) = (0, 0);

    public void Add(int position, int place, bool holder, double text, int metByName, double bound)
    {
        if (Count == positions.Length)
        {
            var length = Count * 2;
            Array.Resize(ref positions, length);
            Array.Resize(ref places, length);
            Array.Resize(ref texts, length);
            Array.Resize(ref bounds, length);
            Array.Resize(ref byName, length);
        }

        positions[Count] = position;
        places[Count] = place;
        texts[Count] = text;
        bounds[Count] = bound;
        byName[Count] = (byte)metByName;
        Count++;
        SkillHolders += holder ? 1 : 0;
    }
}
