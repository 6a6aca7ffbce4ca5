using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

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
        // Folding as it reads, as explanations do, answers the same.
        Assert.Equal(found, SearchText.HasFoldedWordStarting(text, word));
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

    [Fact]
    public async Task SomeoneWithAnAccentedNameIsFoundFirstByTheirNameTypedWithoutAccents()
    {
        using var factory = new ApiFactory();
        var person = await SeededPeople.PickAsync(factory.Store);
        var token = await factory.SignInAsync(person);
        var renamed = await factory.QueryAsync("""mutation { updateMyProfile(input: { displayName: "Zoë Llŷr-Siân" }) { id } }""", token: token);
        Assert.True(renamed["errors"] is null, renamed.ToJsonString());

        foreach (var typed in new[] { "zoe llyr sian", "Zoë Llŷr-Siân" })
        {
            var found = await factory.QueryAsync("query($q: String) { searchExperts(query: $q, first: 3) { edges { group node { id } } } }", new { q = typed }, token);
            var first = found["data"]!["searchExperts"]!["edges"]![0]!;
            Assert.Equal(GlobalId.Encode("Person", person.Id), first["node"]!["id"].Str());
            Assert.Equal("NAME", first["group"].Str());
        }
    }

    [Theory]
    [InlineData("Zoe\u0308 leads flow", "zoe")]
    [InlineData("Ze\u0308e\u0308 improvement", "zee")]
    [InlineData("ÆTHEL Œuvre ßpc", "ssp")]
    [InlineData("  --flow--charts  ", "charts")]
    [InlineData("Dr. Ann-Marie O'Neil", "neil")]
    [InlineData("Dr. Ann-Marie O'Neil", "marie")]
    [InlineData("Statistical process control (SPC)", "spc")]
    [InlineData("Statistical process control (SPC)", "ontrol")]
    [InlineData("Ángela Pérez-Núñez", "nunez")]
    [InlineData("Ángela Pérez-Núñez", "ange")]
    public void FoldingAsItReadsAgreesWithFoldingFirst(string text, string word)
    {
        var expected = SearchText.HasWordStarting(SearchText.Fold(text), word);
        Assert.Equal(expected, SearchText.HasFoldedWordStarting(text, word));
        foreach (var folded in SearchText.Words(text))
        {
            // Every word of the text, and every start of one, is found; a word's middle is not.
            Assert.True(SearchText.HasFoldedWordStarting(text, folded), folded);
            Assert.True(SearchText.HasFoldedWordStarting(text, folded[..1]), folded);
        }
    }

    [Fact]
    public void PlainAsciiTextIsSearchedWithTheSameAnswersAsFoldingIt()
    {
        // Plain ASCII text and word take a vectorised path: every place it could differ (case, a word's start after a
        // digit, punctuation or the text's start, a prefix running off the end, a match inside a word after an earlier one)
        // is drawn often from this small alphabet, and each answer must be folding's.
        var random = new Random(20261203);
        const string Alphabet = "aAbBcC1 -'.";
        for (var i = 0; i < 5_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var word = new string([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => "abc1"[random.Next(4)])]);
            Assert.True(SearchText.HasWordStarting(SearchText.Fold(text), word) == SearchText.HasFoldedWordStarting(text, word), $"'{word}' in '{text}'");
        }
    }
}
