using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>Per-caller budgets: a caller over budget gets 429 with Retry-After and RATE_LIMITED; others are unaffected.</summary>
public sealed class RateLimitTests : IDisposable
{
    private const string Read = "{ integratedCareSystems { totalCount } }";
    private const string Mutation = "mutation { confirmMyProfile { id } }";

    private readonly ApiFactory factory;

    public RateLimitTests()
    {
        factory = ApiFactory.Production(demoPeople: 50);
        factory.Settings["RateLimiting:Enabled"] = "true";
        factory.Settings["RateLimiting:RequestsPerMinute"] = "8";
        factory.Settings["RateLimiting:MutationsPerMinute"] = "2";
    }

    public void Dispose() => factory.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string query, string? token = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    private async Task<string> LinkedTokenAsync()
    {
        var people = await factory.Store.ListPeopleAsync(Viewers.Everyone, new PageRequest(0, 1), CancellationToken.None);
        var token = factory.TokenFor(people.Items[0]);
        using var link = await SendAsync("{ me { id } }", token);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        return token;
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(ErrorCodes.RateLimited, body.ErrorCode());
    }

    [Fact]
    public async Task ACallerOverTheReadBudgetGets429AndOthersDoNot()
    {
        for (var i = 0; i < 8; i++)
        {
            using var allowed = await SendAsync(Read);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SendAsync(Read);
        await AssertRateLimitedAsync(refused);

        // A signed-in user has a budget of their own, whatever address they share with the anonymous caller.
        using var signedIn = await SendAsync(Read, factory.TokenForNewcomer("rate-limit-newcomer", "newcomer@nhs.net", "Newcomer"));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task MutationsAreLimitedMoreTightlyThanReads()
    {
        var token = await LinkedTokenAsync();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await SendAsync(Mutation, token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);
        using var refused = await SendAsync(Mutation, token);
        await AssertRateLimitedAsync(refused);
        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));

        using var read = await SendAsync(Read, token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task HealthProbesAreNeverLimited()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
