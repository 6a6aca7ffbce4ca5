using System.Text.Json.Nodes;
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

    [Fact]
    public async Task TwoPrivateMembersEachSeeTheirOwnAnswerAndNeverOneCachedForTheOther()
    {
        // Two members with PRIVATE profiles, in different ICSs, each with the same rare word: each sees themself only, so
        // the same search must give each a different person, total and facets. A result cache keyed by "some private
        // member" rather than by who they are would hand the second the first's answer (and its counts).
        var people = (await factory.QueryAsync("{ people(first: 100) { nodes { id employments { primary organisation { integratedCareSystem { id } } } } } }"))["data"]!["people"]!["nodes"].Arr();
        var bySystem = people.Select(p => (Id: p!["id"].Str(), Ics: p["employments"].Arr().FirstOrDefault(e => e!["primary"]!.GetValue<bool>())?["organisation"]?["integratedCareSystem"]?["id"]?.GetValue<string>()))
            .Where(p => p.Ics is not null).DistinctBy(p => p.Ics).Take(2).ToList();
        Assert.Equal(2, bySystem.Count);
        var tokens = new List<string>();
        foreach (var (id, _) in bySystem)
        {
            var token = await factory.SignInAsync(await PersonAsync(id));
            var written = await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Quillwort improvement\", visibility: PRIVATE }) { visibility } }", token: token);
            Assert.Equal("PRIVATE", written["data"]!["updateMyProfile"]!["visibility"].Str());
            tokens.Add(token);
        }

        const string Query = "{ searchExperts(query: \"quillwort\", first: 10) { totalCount edges { node { id } } facets { integratedCareSystems { count integratedCareSystem { id } } } } }";
        var answers = new List<JsonNode>();
        foreach (var token in tokens)
        {
            answers.Add((await factory.QueryAsync(Query, token: token))["data"]!["searchExperts"]!);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(1, answers[i]["totalCount"]!.GetValue<int>());
            Assert.Equal(bySystem[i].Id, Assert.Single(answers[i]["edges"].Arr())!["node"]!["id"].Str());
            Assert.Equal(bySystem[i].Ics, Assert.Single(answers[i]["facets"]!["integratedCareSystems"].Arr())!["integratedCareSystem"]!["id"].Str());
        }

        // Asked again (now from the cache), each still gets their own.
        Assert.Equal(bySystem[0].Id, Assert.Single((await factory.QueryAsync(Query, token: tokens[0]))["data"]!["searchExperts"]!["edges"].Arr())!["node"]!["id"].Str());
        // Anyone else sees neither.
        Assert.Equal(0, (await factory.QueryAsync(Query))["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
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
