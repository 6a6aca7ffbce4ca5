using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// How an explanation finds a query's words in someone's own text: the start of a word, whatever the case, accents or
/// punctuation around it, never the middle of one.
/// </summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Leads Flow improvement at the ICB", "improv", true)]
    [InlineData("Leads Flow improvement at the ICB", "flow", true)]
    [InlineData("Leads Flow improvement at the ICB", "leads", true)]
    [InlineData("Self-improvement coach", "improvement", true)]
    [InlineData("Selfimprovement coach", "improvement", false)]
    [InlineData("Overflow manager", "flow", false)]
    [InlineData("Café huddles, Zoë's QI team", "cafe", true)]
    [InlineData("Café huddles, Zoë's QI team", "zoe", true)]
    [InlineData("Café huddles, Zoë's QI team", "s", true)]
    [InlineData("", "flow", false)]
    public void AWordIsFoundOnlyWhereAWordOfTheTextBeginsWithIt(string text, string word, bool found)
    {
        Assert.Equal(found, SearchText.HasWordStarting(SearchText.Fold(text), word));
        // The same answer as cutting the text into words and asking each.
        Assert.Equal(SearchText.Words(text).Any(w => w.StartsWith(word, StringComparison.Ordinal)), found);
    }

    [Fact]
    public void AccentsDoNotMatterInNamesOrWords()
    {
        // Invariant globalization cannot decompose accents, so the folding carries its own table: typed either way, the same words.
        Assert.Equal(["zoe", "sian", "llyr", "lukasz", "jose", "cafe"], SearchText.Words("Zoë Siân Llŷr Łukasz José café"));
        Assert.Equal(["cafe"], SearchText.Words("cafe\u0301"));
    }
}
