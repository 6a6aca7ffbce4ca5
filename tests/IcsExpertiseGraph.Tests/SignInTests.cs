using System.Net;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>signInOptions and the development sign-in where it is on: the Development environment the tests run in.</summary>
public sealed class DevelopmentSignInTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string SignIn = "mutation($p: ID!, $roles: [Role!]) { developmentSignIn(personId: $p, roles: $roles) { token expiresAt person { id displayName email visibility } } }";
    private const string People = "query($q: String, $first: Int) { developmentSignInPeople(query: $q, first: $first) { id displayName headline organisation visibility } }";

    private ApiFactory Factory => api.Factory;

    private async Task<IReadOnlyList<Person>> EveryoneAsync() =>
        (await Factory.Store.ListPeopleAsync(Viewers.Everyone, new PageRequest(0, 1000), CancellationToken.None)).Items;

    [Fact]
    public async Task SignInOptionsOfferTheLocalIssuerAndTheDevelopmentSignIn()
    {
        var options = (await Factory.QueryAsync("{ signInOptions { mode developmentSignIn entraId { clientId } } }"))["data"]!["signInOptions"]!;

        Assert.Equal("LOCAL_DEVELOPMENT", options["mode"].Str());
        Assert.True(options["developmentSignIn"]!.GetValue<bool>());
        Assert.Null(options["entraId"]);
        Assert.Contains(Factory.Logged, e => e.Message.Contains("anyone who can reach this instance can sign in as anyone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePeopleToPickFromAreByNameIncludePrivateOnesAndCostNoStoreCall()
    {
        var everyone = await EveryoneAsync();
        var hidden = everyone.First(p => p.Visibility == Visibility.Private);
        var employments = await Factory.Store.GetEmploymentsOfPeopleAsync([hidden.Id], CancellationToken.None);
        var organisations = await Factory.Store.GetOrganisationsAsync([.. employments[hidden.Id].Select(e => e.OrganisationId)], CancellationToken.None);
        await Factory.QueryAsync(People); // the index is built

        Factory.Calls.Reset();
        var page = (await Factory.QueryAsync(People, new { first = 100 }))["data"]!["developmentSignInPeople"].Arr();
        Assert.Equal(0, Factory.Calls.Count);
        Assert.Equal(100, page.Count);
        var names = page.Select(p => p!["displayName"].Str()).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal(everyone.Select(p => p.DisplayName).Order(StringComparer.OrdinalIgnoreCase).Take(100), names);
        Assert.Equal(20, (await Factory.QueryAsync(People))["data"]!["developmentSignInPeople"].Arr().Count);

        // Anonymous, and yet a PRIVATE person is listed: whoever may use the development sign-in can be anyone anyway.
        var part = hidden.DisplayName.Split(' ')[^1].ToUpperInvariant();
        var found = (await Factory.QueryAsync(People, new { q = part, first = 100 }))["data"]!["developmentSignInPeople"].Arr();
        Assert.All(found, p => Assert.Contains(part, p!["displayName"].Str(), StringComparison.OrdinalIgnoreCase));
        var listed = found.Single(p => p!["id"].Str() == GlobalId.Encode("Person", hidden.Id))!;
        Assert.Equal("PRIVATE", listed["visibility"].Str());
        Assert.Equal(hidden.Headline, listed["headline"]?.GetValue<string>());
        var primary = employments[hidden.Id].Where(e => e.Until is null || e.Until >= DateOnly.FromDateTime(DateTime.UtcNow)).OrderByDescending(e => e.Primary).FirstOrDefault();
        Assert.Equal(primary is null ? null : organisations[primary.OrganisationId].Name, listed["organisation"]?.GetValue<string>());

        Assert.Equal(("BAD_USER_INPUT", "first"), Error(await Factory.QueryAsync(People, new { first = 101 })));
        Assert.Equal(("BAD_USER_INPUT", "first"), Error(await Factory.QueryAsync(People, new { first = 0 })));
        Assert.Equal(("BAD_USER_INPUT", "query"), Error(await Factory.QueryAsync(People, new { q = new string('a', 121) })));
    }

    [Fact]
    public async Task ATokenFromTheDevelopmentSignInIsThatPersonWithTheRolesAskedFor()
    {
        var hidden = (await EveryoneAsync()).First(p => p.Visibility == Visibility.Private && p.Email is not null);
        var id = GlobalId.Encode("Person", hidden.Id);

        var session = (await Factory.QueryAsync(SignIn, new { p = id, roles = new[] { "NETWORK_MANAGER" } }))["data"]!["developmentSignIn"]!;
        // As they see themself: a PRIVATE profile, with its email, though the caller was anonymous.
        Assert.Equal(id, session["person"]!["id"].Str());
        Assert.Equal(hidden.Email, session["person"]!["email"].Str());
        Assert.Equal("PRIVATE", session["person"]!["visibility"].Str());
        Assert.InRange(DateTimeOffset.Parse(session["expiresAt"].Str(), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddHours(7.9), DateTimeOffset.UtcNow.AddHours(8.1));
        var manager = session["token"].Str();
        Assert.Equal(id, (await Factory.QueryAsync("{ me { id } }", token: manager))["data"]!["me"]!["id"].Str());
        var brokers = await Factory.QueryAsync("{ brokers(first: 3) { betweenness } }", token: manager);
        Assert.True(brokers["errors"] is null, brokers.ToJsonString());

        var plain = (await Factory.QueryAsync(SignIn, new { p = id }))["data"]!["developmentSignIn"]!["token"].Str();
        Assert.Equal(id, (await Factory.QueryAsync("{ me { id } }", token: plain))["data"]!["me"]!["id"].Str());
        Assert.Equal("FORBIDDEN", (await Factory.QueryAsync("{ brokers(first: 3) { betweenness } }", token: plain)).ErrorCode());

        var admin = (await Factory.QueryAsync(SignIn, new { p = id, roles = new[] { "ADMIN" } }))["data"]!["developmentSignIn"]!["token"].Str();
        var audit = await Factory.QueryAsync("query($p: ID!) { brokers(first: 1) { betweenness } person(id: $p) { auditTrail { action } } }", new { p = id }, admin);
        Assert.True(audit["errors"] is null, audit.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownOrMalformedPersonIsRefusedOnPersonId()
    {
        Assert.Equal(("NOT_FOUND", "personId"), Error(await Factory.QueryAsync(SignIn, new { p = GlobalId.Encode("Person", Guid.NewGuid()) })));
        Assert.Equal(("BAD_USER_INPUT", "personId"), Error(await Factory.QueryAsync(SignIn, new { p = "not-an-id" })));
        Assert.Equal(("BAD_USER_INPUT", "personId"), Error(await Factory.QueryAsync(SignIn, new { p = GlobalId.Encode("Organisation", Guid.NewGuid()) })));
    }

    internal static (string?, string?) Error(JsonObject response) => (response.ErrorCode(), response.ErrorField());
}

/// <summary>Where the development sign-in is off (or on by setting), and what signInOptions says in each case.</summary>
public sealed class DevelopmentSignInSwitchTests
{
    private const string Options = "{ signInOptions { mode developmentSignIn entraId { authority clientId scopes } } }";
    private const string SignIn = "mutation($p: ID!) { developmentSignIn(personId: $p, roles: [NETWORK_MANAGER]) { token person { displayName skills { level skill { name } } } } }";
    private const string People = "{ developmentSignInPeople(first: 100) { id displayName headline organisation visibility } }";

    private static async Task<string> SomeoneAsync(ApiFactory factory) =>
        GlobalId.Encode("Person", (await factory.Store.ListPeopleAsync(Viewers.Everyone, new PageRequest(0, 1), CancellationToken.None)).Items[0].Id);

    private static async Task AssertOffAsync(ApiFactory factory, string mentions)
    {
        var people = await factory.QueryAsync(People);
        var signIn = await factory.QueryAsync(SignIn, new { p = await SomeoneAsync(factory) });
        foreach (var refused in new[] { people, signIn })
        {
            Assert.Equal("FORBIDDEN", refused.ErrorCode());
            Assert.Null(refused["data"]);
            var message = refused["errors"]![0]!["message"].Str();
            Assert.Contains("development sign-in is off on this instance", message, StringComparison.Ordinal);
            Assert.Contains(mentions, message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(factory.Logged, e => e.Message.Contains("anyone who can reach this instance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProductionWithTheLocalIssuerAllowedStillHasNoDevelopmentSignIn()
    {
        using var factory = ApiFactory.Production(demoPeople: 20);

        var options = (await factory.QueryAsync(Options))["data"]!["signInOptions"]!;
        Assert.Equal("LOCAL_DEVELOPMENT", options["mode"].Str());
        Assert.False(options["developmentSignIn"]!.GetValue<bool>());
        Assert.Null(options["entraId"]);
        await AssertOffAsync(factory, "token verb");
    }

    [Fact]
    public async Task DevelopmentWithTheSettingFalseHasNoDevelopmentSignIn()
    {
        using var factory = new ApiFactory { DemoPeople = 20, Settings = { ["Auth:DevelopmentSignIn"] = "false" } };

        Assert.False((await factory.QueryAsync(Options))["data"]!["signInOptions"]!["developmentSignIn"]!.GetValue<bool>());
        await AssertOffAsync(factory, "token verb");
    }

    [Fact]
    public async Task WithEntraIdThereIsNoDevelopmentSignInEvenWhenAskedFor()
    {
        using var factory = ApiFactory.EntraId();
        factory.Settings["AzureAd:Instance"] = "https://login.microsoftonline.com";
        factory.Settings["Auth:DevelopmentSignIn"] = "true";

        var options = (await factory.QueryAsync(Options))["data"]!["signInOptions"]!;
        Assert.Equal("ENTRA_ID", options["mode"].Str());
        Assert.False(options["developmentSignIn"]!.GetValue<bool>());
        Assert.Equal("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001", options["entraId"]!["authority"].Str());
        Assert.Equal("00000000-0000-0000-0000-000000000002", options["entraId"]!["clientId"].Str());
        Assert.Equal(["api://00000000-0000-0000-0000-000000000002/access_as_user"], options["entraId"]!["scopes"].Arr().Select(s => s.Str()));
        await AssertOffAsync(factory, "Entra ID");
    }

    [Fact]
    public async Task TheBrowserAppsOwnRegistrationAndScopesAreOffered()
    {
        using var factory = ApiFactory.EntraId();
        factory.Settings["AzureAd:TenantId"] = "/contoso.onmicrosoft.com/";
        factory.Settings["AzureAd:ClientId"] = "api-app";
        factory.Settings["AzureAd:SpaClientId"] = "spa-app";
        factory.Settings["AzureAd:Scopes:0"] = "api://api-app/access_as_user";
        factory.Settings["AzureAd:Scopes:1"] = "openid";

        var entra = (await factory.QueryAsync(Options))["data"]!["signInOptions"]!["entraId"]!;
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com", entra["authority"].Str());
        Assert.Equal("spa-app", entra["clientId"].Str());
        Assert.Equal(["api://api-app/access_as_user", "openid"], entra["scopes"].Arr().Select(s => s.Str()));

        // Microsoft.Identity.Web's templates write AzureAd:Scopes as one space-separated string.
        using var spaced = ApiFactory.EntraId();
        spaced.Settings["AzureAd:TenantId"] = "t";
        spaced.Settings["AzureAd:ClientId"] = "api-app";
        spaced.Settings["AzureAd:Scopes"] = " api://api-app/read  api://api-app/write ";
        var offered = (await spaced.QueryAsync(Options))["data"]!["signInOptions"]!["entraId"]!;
        Assert.Equal("https://login.microsoftonline.com/t", offered["authority"].Str());
        Assert.Equal("api-app", offered["clientId"].Str());
        Assert.Equal(["api://api-app/read", "api://api-app/write"], offered["scopes"].Arr().Select(s => s.Str()));
    }

    /// <summary>
    /// Turned on in the production profile (the local issuer allowed there too): introspection off and the cost limit on
    /// do not get in its way, and a caller's mutation budget counts its sign-ins.
    /// </summary>
    [Fact]
    public async Task OnByTheSettingInProductionItPassesTheHardeningAndItsMutationBudget()
    {
        using var factory = ApiFactory.Production(demoPeople: 120);
        factory.Settings["Auth:DevelopmentSignIn"] = "true";
        factory.Settings["RateLimiting:Enabled"] = "true";
        factory.Settings["RateLimiting:MutationsPerMinute"] = "2";
        var person = await SomeoneAsync(factory);

        var options = (await factory.QueryAsync(Options))["data"]!["signInOptions"]!;
        Assert.Equal("LOCAL_DEVELOPMENT", options["mode"].Str());
        Assert.True(options["developmentSignIn"]!.GetValue<bool>());
        Assert.Contains(factory.Logged, e => e.Message.Contains("anyone who can reach this instance can sign in as anyone", StringComparison.Ordinal));
        var people = await factory.QueryAsync(People);
        Assert.True(people["errors"] is null, people.ToJsonString());
        Assert.Equal(100, people["data"]!["developmentSignInPeople"].Arr().Count);
        for (var i = 0; i < 2; i++)
        {
            var signedIn = await factory.QueryAsync(SignIn, new { p = person });
            Assert.True(signedIn["errors"] is null, signedIn.ToJsonString());
            var token = signedIn["data"]!["developmentSignIn"]!["token"].Str();
            Assert.Null((await factory.QueryAsync("{ brokers(first: 1) { betweenness } }", token: token))["errors"]);
        }

        using var client = factory.CreateClient();
        using var third = await client.PostAsync("/graphql", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query = SignIn, variables = new { p = person } }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(ErrorCodes.RateLimited, JsonNode.Parse(await third.Content.ReadAsStringAsync())!.AsObject().ErrorCode());
    }
}
