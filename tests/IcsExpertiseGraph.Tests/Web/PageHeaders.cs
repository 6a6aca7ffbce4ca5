using System.Net;

namespace IcsExpertiseGraph.Tests.Web;

/// <summary>What every page of the service (<c>/</c>, <c>/graphiql</c>) answers with, whatever else it carries.</summary>
internal static class PageHeaders
{
    /// <summary>An HTML page, never cached, not sniffed, under a policy with scripts from the service only and no inline script or eval; returns the policy.</summary>
    public static string AssertStrictPage(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        return policy;
    }
}
