using System.Net;
using System.Text.RegularExpressions;

namespace IcsExpertiseGraph.Tests.Web;

/// <summary>
/// GraphiQL at <c>/graphiql</c>: in Development the page (made per response, for its style nonce) and its hashed
/// script, under the pages' strict policy; in Production neither exists.
/// </summary>
public sealed partial class GraphiQLTests : IDisposable
{
    private readonly string bundle = Path.Combine(Path.GetTempPath(), "ics-webui-tests", Guid.NewGuid().ToString("N"));

    public GraphiQLTests()
    {
        var graphiql = Directory.CreateDirectory(Path.Combine(bundle, "graphiql")).FullName;
        File.WriteAllText(Path.Combine(bundle, "index.html"), "<!doctype html><title>ICS Expertise Graph</title>");
        File.WriteAllText(Path.Combine(graphiql, "index.html"),
            "<!doctype html><title>GraphiQL</title><meta name=\"csp-nonce\" nonce=\"%CSP_NONCE%\"><script type=\"module\" src=\"/graphiql/graphiql-ABC123.js\"></script>");
        File.WriteAllText(Path.Combine(graphiql, "graphiql-ABC123.js"), "console.log('graphiql');");
    }

    public void Dispose()
    {
        if (Directory.Exists(bundle))
        {
            Directory.Delete(bundle, recursive: true);
        }
    }

    private ApiFactory ServiceIn(string environment)
    {
        var factory = new ApiFactory { DemoPeople = 10, Environment = environment };
        factory.Settings["WebUi:Path"] = bundle;
        factory.Settings["Auth:AllowLocalIssuerInProduction"] = "true";
        return factory;
    }

    [Fact]
    public async Task InDevelopmentGraphiQLIsServedWithItsScriptUnderAStrictPolicyAndAFreshStyleNonce()
    {
        using var factory = ServiceIn("Development");
        using var client = factory.CreateClient();

        using var first = await client.GetAsync(new Uri("/graphiql", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/graphiql", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/graphiql/graphiql-ABC123.js", UriKind.Relative));
        var page = await first.Content.ReadAsStringAsync();

        var policy = PageHeaders.AssertStrictPage(first);
        Assert.Contains("src=\"/graphiql/graphiql-ABC123.js\"", page, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        // The one inline style GraphiQL writes is let in by this response's nonce, which the page hands to it.
        var nonce = Nonce().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, string.Join(' ', second.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("console.log('graphiql');", await script.Content.ReadAsStringAsync());
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionThereIsNoGraphiQLNorItsAssets()
    {
        using var factory = ServiceIn("Production");
        using var client = factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/graphiql", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/graphiql/graphiql-ABC123.js", UriKind.Relative));
        using var html = await client.GetAsync(new Uri("/graphiql/index.html", UriKind.Relative));
        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
    }

    [Fact]
    public async Task ItsPageIsNeverServedAsAStaticFile()
    {
        using var factory = ServiceIn("Development");
        using var client = factory.CreateClient();

        using var html = await client.GetAsync(new Uri("/graphiql/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
    }

    [Fact]
    public async Task WithoutABundleGraphiQLSaysHowToBuildIt()
    {
        using var factory = ServiceIn("Development");
        factory.Settings["WebUi:Path"] = Path.Combine(bundle, "not-built");
        using var client = factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/graphiql", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("GraphiQL is not built", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("style-src 'self' 'nonce-(?<nonce>[A-Za-z0-9+/=]+)';")]
    private static partial Regex Nonce();
}
