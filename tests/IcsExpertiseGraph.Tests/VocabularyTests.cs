using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Seeding;

namespace IcsExpertiseGraph.Tests;

/// <summary>How typed words become skills, without a server.</summary>
public sealed class VocabularyTests
{
    private static readonly SkillTaxonomy Taxonomy = new(ReferenceData.Skills());

    [Theory]
    [InlineData("statist", "statistical", true)]
    [InlineData("proces", "process", true)]
    [InlineData("kaizan", "kaizen", true)]
    [InlineData("sytem", "system", true)]
    [InlineData("lean", "learn", false)]
    [InlineData("audit", "edit", false)]
    [InlineData("spc", "sop", false)]
    public void TypingErrorsAreForgivenOnlyInLongerWords(string typed, string wanted, bool close) =>
        Assert.Equal(close, Vocabulary.IsClose(typed, wanted));

    [Fact]
    public void ALongerSkillNameWinsOverTheShorterOneInsideIt()
    {
        var concepts = Vocabulary.ConceptsIn("value stream mapping", Taxonomy);

        Assert.Equal("Value stream mapping", Assert.Single(concepts).Label);
    }

    [Fact]
    public void SeveralSkillsInOneNeedAreEachRecognisedInOrder()
    {
        var concepts = Vocabulary.ConceptsIn("We need SPC, PDSA and human factors help", Taxonomy);

        Assert.Equal(["Statistical process control", "PDSA cycles", "Human factors"], concepts.Select(c => c.Roots[0].Name));
    }

    [Fact]
    public void ABroaderSkillCarriesEverythingNarrowerWithIt()
    {
        var lean = Assert.Single(Vocabulary.ConceptsIn("lean", Taxonomy));

        var narrower = Taxonomy.All.Where(s => lean.SkillIds.Contains(s.Id)).Select(s => s.Name).ToList();
        Assert.Contains("Value stream mapping", narrower);
        Assert.Contains("Rapid improvement events", narrower); // two levels down: Lean > Kaizen > RIE
    }

    [Fact]
    public void ABareWordThatNamesNoSkillStandsForTheSkillsContainingIt()
    {
        var concept = Assert.Single(Vocabulary.ConceptsIn("improvement", Taxonomy));

        Assert.Equal(ConceptSource.Word, concept.Source);
        Assert.Contains(concept.Roots, s => s.Name == "Model for Improvement");
        Assert.All(concept.Roots, s => Assert.Contains("improvement", s.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the and of")]
    [InlineData("zzzz qqqq")]
    public void WordsThatNameNothingRecogniseNothing(string query) =>
        Assert.Empty(Vocabulary.ConceptsIn(query, Taxonomy));
}
