using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The index's bit columns: a change makes a new column and leaves the one before as it was (other searches still read
/// it), and the count of people set follows every change, across chunk boundaries.
/// </summary>
public sealed class BitColumnTests
{
    [Fact]
    public void AChangeLeavesTheColumnBeforeItAsItWasAndKeepsTheCount()
    {
        var before = BitColumn.Of([3, 70_000, 3, 65_535]);
        var after = before.With([(3, false), (5, true), (200_000, true), (70_000, true), (999_999, false)]);

        Assert.Equal(3, before.Count);
        Assert.True(before.Has(3) && before.Has(65_535) && before.Has(70_000) && !before.Has(5) && !before.Has(200_000));
        Assert.Equal(4, after.Count);
        Assert.True(!after.Has(3) && after.Has(5) && after.Has(65_535) && after.Has(70_000) && after.Has(200_000) && !after.Has(999_999));
    }

    [Fact]
    public void OrAndAndCombineWordsAsSets()
    {
        var column = BitColumn.Of([1, 64, 130]);
        Span<ulong> target = stackalloc ulong[3];
        target[0] = 1UL << 2;
        column.OrInto(target);
        Assert.Equal([(1UL << 1) | (1UL << 2), 1UL, 1UL << 2], target.ToArray());

        column.AndInto(target, negate: true);
        Assert.Equal([1UL << 2, 0UL, 0UL], target.ToArray());
        column.AndInto(target);
        Assert.Equal([0UL, 0UL, 0UL], target.ToArray());
    }
}
