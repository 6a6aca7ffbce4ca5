namespace IcsExpertiseGraph.Api.Experts;

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
