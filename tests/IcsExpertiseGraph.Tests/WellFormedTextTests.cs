using System.Text.Json;
using IcsExpertiseGraph.Api.Hardening;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Which text a request may carry (AbuseTests sends one through the service): any Unicode, emoji included, but no unpaired
/// surrogate anywhere, in a value, a property name or an array, since the store would silently change it.
/// </summary>
public sealed class WellFormedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Lean six sigma")]
    [InlineData("Flow \ud83d\ude80 and \ud83d\udc4d")]
    [InlineData("\ud83d\ude80")]
    [InlineData("Zoë, Łukasz, 東京")]
    public void WellFormedTextPasses(string text) => Assert.True(WellFormedText.IsWellFormed(text));

    [Fact]
    public void AnUnpairedSurrogateAnywhereIsRefused()
    {
        // Built from chars: a lone surrogate in attribute data would not survive test discovery unchanged.
        const char high = '\ud83d', low = '\ude80';
        foreach (var text in new[] { $"lean{high}six", $"{low}lean", $"lean{low}", $"lean{high}", $"{high}{low}{high}", $"{low}{high}", $"{high}{high}{low}" })
        {
            Assert.False(WellFormedText.IsWellFormed(text), string.Join(" ", text.Select(c => ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    [Theory]
    [InlineData("""{"query": "{ a }", "variables": {"q": "rocket \ud83d\ude80", "list": ["a", 1, true, null]}}""", true)]
    [InlineData("""{"variables": {"q": "lean\ud800six"}}""", false)]
    [InlineData("""{"variables": {"lean\ud800six": "q"}}""", false)]
    [InlineData("""{"variables": {"list": ["fine", "lean\udc00six"]}}""", false)]
    [InlineData("""{"variables": {"q": "lean\ud800"}}""", false)]
    public void ARequestIsCheckedThroughoutItsValuesNamesAndLists(string json, bool wellFormed)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(wellFormed, WellFormedText.IsWellFormed(document.RootElement));
    }
}
