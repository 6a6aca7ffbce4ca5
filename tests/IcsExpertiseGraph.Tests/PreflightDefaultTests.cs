using GraphQL.SystemTextJson;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Hardening;
using Microsoft.AspNetCore.Http;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// CSRF protection is on unless configured off: with the default limits, a GET without the preflight header is refused
/// before its query is read. AbuseTests sends one through the service; this holds the default itself, which a shared
/// service built once per test class cannot show a mutation run.
/// </summary>
public sealed class PreflightDefaultTests
{
    private static (object? Request, string? Refusal, int Status) Get(string? preflight)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.QueryString = new QueryString("?query=" + Uri.EscapeDataString("{ integratedCareSystems { totalCount } }"));
        if (preflight is not null)
        {
            http.Request.Headers[GraphQLHttpEndpoint.PreflightHeader] = preflight;
        }

        return GraphQLRequestReader.ReadGet(http.Request, new GraphQLSerializer(), new GraphQLLimits());
    }

    [Fact]
    public void ByDefaultAGetWithoutThePreflightHeaderIsRefusedNamingIt()
    {
        var (request, refusal, status) = Get(null);

        Assert.Null(request);
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains(GraphQLHttpEndpoint.PreflightHeader, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AGetWithThePreflightHeaderIsRead()
    {
        var (request, refusal, _) = Get("1");

        Assert.NotNull(request);
        Assert.Null(refusal);
    }
}
