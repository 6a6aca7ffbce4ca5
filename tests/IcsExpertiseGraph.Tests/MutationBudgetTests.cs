using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The mutation budget counts writes, not requests: every root mutation field (aliases, fragments) spends a unit, and a
/// request carrying more than <c>GraphQL:MaxMutationFields</c> is refused whole, with nothing written.
/// </summary>
public sealed class MutationBudgetTests : IDisposable
{
    private readonly ApiFactory factory;

    public MutationBudgetTests()
    {
        factory = ApiFactory.Production(demoPeople: 50);
        factory.Settings["RateLimiting:Enabled"] = "true";
        factory.Settings["RateLimiting:MutationsPerMinute"] = "3";
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task FifteenAliasedWritesInOneRequestAreRefusedWholeAndNothingIsWritten()
    {
        var (token, person) = await SignedInAsync();
        var before = await StateAsync(person);

        var (status, body) = await SendAsync(AliasedSetSkills(await SkillIdsAsync(15)), token);

        Assert.Equal(HttpStatusCode.OK, status); // refused before execution: 200 under application/json, as every request limit
        Assert.Equal(ErrorCodes.ValidationFailed, body.ErrorCode());
        Assert.Equal("s11", body.ErrorField()); // the first field past the limit of 10
        Assert.Contains("at most 10 mutation fields", body["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Null(body["data"]);
        Assert.Equal(before, await StateAsync(person));
    }

    [Fact]
    public async Task ThreeAliasedWritesInOneRequestSpendThreeUnitsOfTheBudget()
    {
        var (token, person) = await SignedInAsync();

        var (status, body) = await SendAsync(AliasedSetSkills(await SkillIdsAsync(3)), token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["errors"]);
        var written = await StateAsync(person);

        // The budget of 3 a minute is spent: the next single write is refused and changes nothing.
        var (refusedStatus, refused) = await SendAsync("mutation { confirmMyProfile { id } }", token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedStatus);
        Assert.Equal(ErrorCodes.RateLimited, refused.ErrorCode());
        Assert.Equal(written, await StateAsync(person));
    }

    [Fact]
    public async Task MoreWritesThanTheWholeBudgetAreRefusedWholeAndLeaveTheBudgetUnspent()
    {
        var (token, person) = await SignedInAsync();
        var before = await StateAsync(person);

        var (status, body) = await SendAsync(AliasedSetSkills(await SkillIdsAsync(5)), token);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(ErrorCodes.RateLimited, body.ErrorCode());
        Assert.Contains("5 mutation fields", body["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(person));
        var (afterStatus, after) = await SendAsync("mutation { confirmMyProfile { id } }", token);
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.Null(after["errors"]);
    }

    [Fact]
    public async Task WritesHiddenInFragmentsAtTheRootCountToo()
    {
        factory.Settings["RateLimiting:MutationsPerMinute"] = "100";
        var (token, person) = await SignedInAsync();
        var before = await StateAsync(person);
        var fields = string.Join(' ', Enumerable.Range(1, 6).Select(i => $"c{i}: confirmMyProfile {{ id }}"));
        var more = string.Join(' ', Enumerable.Range(7, 5).Select(i => $"c{i}: confirmMyProfile {{ id }}"));

        var (_, body) = await SendAsync($"mutation {{ ...Writes ... on Mutation {{ {more} }} }} fragment Writes on Mutation {{ {fields} }}", token);

        Assert.Equal(ErrorCodes.ValidationFailed, body.ErrorCode());
        Assert.Contains("carries 11", body["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(person));
    }

    private static string AliasedSetSkills(IReadOnlyList<string> skillIds) =>
        "mutation { " + string.Join(' ', skillIds.Select((id, i) => $"s{i + 1}: setMySkill(input: {{ skillId: \"{id}\", level: COACH }}) {{ id }}")) + " }";

    private async Task<IReadOnlyList<string>> SkillIdsAsync(int count) =>
        [.. (await factory.Store.GetAllSkillsAsync(CancellationToken.None)).Take(count).Select(s => GlobalId.Encode("Skill", s.Id))];

    private async Task<(string Token, Person Person)> SignedInAsync()
    {
        var people = await factory.Store.ListPeopleAsync(Viewers.Everyone, new PageRequest(0, 1), CancellationToken.None);
        var person = people.Items[0];
        var token = factory.TokenFor(person);
        var (status, _) = await SendAsync("{ me { id } }", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return (token, person);
    }

    /// <summary>What a write would move: the store's change sequence, and the person's version and skills.</summary>
    private async Task<string> StateAsync(Person person)
    {
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);
        var current = (await factory.Store.GetPeopleAsync([person.Id], Viewers.Admin, CancellationToken.None))[person.Id];
        var skills = (await factory.Store.GetSkillsOfPeopleAsync([person.Id], CancellationToken.None)).GetValueOrDefault(person.Id) ?? [];
        return $"{sequence}/{current.Version}/{string.Join(',', skills.Select(s => $"{s.SkillId}:{s.Level}").Order(StringComparer.Ordinal))}";
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(string query, string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
