using System.Net;
using IcsExpertiseGraph.Api.Web;
using Microsoft.Extensions.Configuration;

namespace IcsExpertiseGraph.Tests.Web;

/// <summary>
/// How the service serves the browser front end: the page at <c>/</c> under a strict content security policy,
/// hashed assets cached for a year and the page never, and a page that says how to build the UI when the
/// service was built without Node.js (the API works either way).
/// </summary>
public sealed class WebUiTests : IDisposable
{
    private readonly string bundle = Path.Combine(Path.GetTempPath(), "ics-webui-tests", Guid.NewGuid().ToString("N"));

    public WebUiTests()
    {
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "index.html"), "<!doctype html><title>ICS Expertise Graph</title><script type=\"module\" src=\"/app-ABC123.js\"></script>");
        File.WriteAllText(Path.Combine(bundle, "app-ABC123.js"), "console.log('bundle');");
    }

    /// <summary>A small seeded service serving the bundle in <paramref name="path"/>.</summary>
    private static ApiFactory ServiceWith(string path)
    {
        var factory = new ApiFactory { DemoPeople = 10 };
        factory.Settings["WebUi:Path"] = path;
        return factory;
    }

    public void Dispose()
    {
        if (Directory.Exists(bundle))
        {
            Directory.Delete(bundle, recursive: true);
        }
    }

    [Fact]
    public async Task TheRootServesTheBundledPageUnderAStrictContentSecurityPolicyAndIsNeverCached()
    {
        using var factory = ServiceWith(bundle);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        PageHeaders.AssertStrictPage(response);
        Assert.Contains("app-ABC123.js", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedAssetsAreCachedForAYear()
    {
        using var factory = ServiceWith(bundle);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/app-ABC123.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('bundle');", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task SourceMapsAreServedInDevelopmentOnly(string environment, HttpStatusCode expected)
    {
        File.WriteAllText(Path.Combine(bundle, "app-ABC123.js.map"), "{\"version\":3,\"sources\":[\"../src/main.ts\"]}");
        using var factory = new ApiFactory { DemoPeople = 10, Environment = environment };
        factory.Settings["WebUi:Path"] = bundle;
        factory.Settings["Auth:AllowLocalIssuerInProduction"] = "true";
        using var client = factory.CreateClient();

        using var map = await client.GetAsync(new Uri("/app-ABC123.js.map", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/app-ABC123.js", UriKind.Relative));

        Assert.Equal(expected, map.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task ScriptsGoCompressedAndApiAnswersDoNot()
    {
        File.WriteAllText(Path.Combine(bundle, "app-BIG456.js"), string.Concat(Enumerable.Repeat("console.log('a fairly repetitive bundle');\n", 500)));
        using var factory = ServiceWith(bundle);
        using var client = factory.CreateClient();

        using var script = new HttpRequestMessage(HttpMethod.Get, new Uri("/app-BIG456.js", UriKind.Relative));
        script.Headers.AcceptEncoding.ParseAdd("gzip");
        using var scriptResponse = await client.SendAsync(script);
        using var api = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent("{\"query\":\"{ integratedCareSystems(first: 42) { nodes { name } } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        api.Headers.AcceptEncoding.ParseAdd("gzip");
        using var apiResponse = await client.SendAsync(api);

        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Equal(["gzip"], scriptResponse.Content.Headers.ContentEncoding);
        Assert.True((await scriptResponse.Content.ReadAsByteArrayAsync()).Length < 2_000, "The repetitive script was not compressed.");
        Assert.Equal(HttpStatusCode.OK, apiResponse.StatusCode);
        Assert.Empty(apiResponse.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task LoadingThePagesAssetsSpendsNoneOfTheCallersRequestBudget()
    {
        using var factory = ServiceWith(bundle);
        factory.Settings["RateLimiting:Enabled"] = "true";
        factory.Settings["RateLimiting:RequestsPerMinute"] = "3";
        using var client = factory.CreateClient();

        var assets = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var asset = await client.GetAsync(new Uri("/app-ABC123.js", UriKind.Relative));
            assets.Add(asset.StatusCode);
        }

        var queries = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var query = await client.PostAsync(new Uri("/graphql", UriKind.Relative),
                new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"));
            queries.Add(query.StatusCode);
        }

        Assert.All(assets, status => Assert.Equal(HttpStatusCode.OK, status));
        // The budget of three is still whole for the API: the fourth query is the first one refused.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], queries);
    }

    [Fact]
    public async Task ThePageIsNeverServedAsAStaticFileOnlyAtTheRootWithItsHeaders()
    {
        using var factory = ServiceWith(bundle);
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var direct = await client.GetAsync(new Uri("/index.html", UriKind.Relative));
        using var upper = await client.GetAsync(new Uri("/INDEX.HTML", UriKind.Relative));

        using var followed = await client.GetAsync(direct.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal("/", direct.Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, upper.StatusCode);
        Assert.DoesNotContain("immutable", upper.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        // Where it leads, the page comes with its headers: never cached, under the content security policy.
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal("no-cache", followed.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'self'", string.Join(' ', followed.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutABundleTheRootSaysHowToBuildTheUiAndTheApiStillAnswers()
    {
        using var factory = ServiceWith(Path.Combine(bundle, "not-built"));
        using var client = factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        var body = await page.Content.ReadAsStringAsync();
        var api = await factory.QueryAsync("{ integratedCareSystems(first: 1) { totalCount } }");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The web UI is not built", body, StringComparison.Ordinal);
        Assert.Contains("Node.js", body, StringComparison.Ordinal);
        Assert.Contains("dotnet build src/IcsExpertiseGraph.Api", body, StringComparison.Ordinal);
        Assert.Equal(42, api["data"]!["integratedCareSystems"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public void ThePolicyLetsTheEntraIdAuthorityInOnlyWhenEntraIdIsConfigured()
    {
        var local = new ConfigurationBuilder().Build();
        var entra = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        Assert.Contains("connect-src 'self';", WebUiExtensions.ContentSecurityPolicy(local), StringComparison.Ordinal);
        Assert.DoesNotContain("microsoftonline", WebUiExtensions.ContentSecurityPolicy(local), StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", WebUiExtensions.ContentSecurityPolicy(entra), StringComparison.Ordinal);
        Assert.Contains("frame-src 'self' https://login.microsoftonline.com;", WebUiExtensions.ContentSecurityPolicy(entra), StringComparison.Ordinal);
    }
}
