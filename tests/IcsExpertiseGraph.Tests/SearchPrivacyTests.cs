using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Scores leak nothing about hidden people (issue 16, item 5): the text statistics a caller's scores are made from count
/// only people that caller may see, so a PRIVATE profile with a word moves no one else's score for that word. Before,
/// a member could work out how many hidden people shared a surname from the four-decimal text contribution.
/// </summary>
public sealed class SearchPrivacyTests : IDisposable
{
    private const string Search = "query($q: String) { searchExperts(query: $q, first: 10) { edges { score node { id } explanation { signal contribution } } } }";

    private readonly ApiFactory factory = new();

    [Fact]
    public async Task APrivatePersonsWordsMoveNoOtherCallersScores()
    {
        var people = (await factory.QueryAsync("{ people(first: 3) { nodes { id } } }"))["data"]!["people"]!["nodes"].Arr();
        var writer = await PersonAsync(people[0]!["id"].Str());
        var member = await factory.SignInAsync(await PersonAsync(people[1]!["id"].Str()));
        var admin = await factory.SignInAsync(await PersonAsync(people[2]!["id"].Str()), "Admin");
        // One public profile with a word nobody else uses, so its text score rests on the word's statistics alone.
        await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Zymurgy and flow improvement\", visibility: PUBLIC }) { version } }",
            token: await factory.SignInAsync(writer));
        var id = people[0]!["id"].Str();
        var before = (Anonymous: await TextScoreAsync(id, null), Member: await TextScoreAsync(id, member), Admin: await TextScoreAsync(id, admin));

        var hidden = factory.TokenForNewcomer("local:zymurgist", "zymurgist@example.nhs.uk", "Zara Zymurgist");
        await factory.QueryAsync("mutation { createMyProfile { id } }", token: hidden);
        var written = await factory.QueryAsync(
            "mutation { updateMyProfile(input: { headline: \"Zymurgy zymurgy zymurgy\", bio: \"Zymurgy\", visibility: PRIVATE }) { version visibility } }", token: hidden);
        Assert.Equal("PRIVATE", written["data"]!["updateMyProfile"]!["visibility"].Str());

        Assert.Equal(before.Anonymous, await TextScoreAsync(id, null));
        Assert.Equal(before.Member, await TextScoreAsync(id, member));
        // An admin sees the private profile: the word is now shared, and the same public profile's text score falls.
        Assert.True(await TextScoreAsync(id, admin) < before.Admin, "An admin's statistics count the private profile (else this test could not fail).");
    }

    /// <summary>The text part of this person's score for the word, as the caller with this token is shown it.</summary>
    private async Task<double> TextScoreAsync(string personId, string? token)
    {
        var response = await factory.QueryAsync(Search, new { q = "zymurgy" }, token);
        var edge = response["data"]!["searchExperts"]!["edges"].Arr().Single(e => e!["node"]!["id"].Str() == personId);
        return edge!["explanation"].Arr().Single(r => r!["signal"].Str() == "TEXT")!["contribution"]!.GetValue<double>();
    }

    private async Task<Api.Domain.Person> PersonAsync(string id) =>
        (await factory.Store.GetPeopleAsync([GlobalId.Parse(id, "Person", "id")], new Api.Auth.Viewer(null, true, true), CancellationToken.None)).Values.Single();

    public void Dispose() => factory.Dispose();
}
