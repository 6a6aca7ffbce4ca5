using System.Net;
using System.Text;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Behind a proxy: <c>X-Forwarded-For</c> is believed only from the configured proxies, so a caller elsewhere cannot
/// forge a fresh address (and with it a fresh rate-limit budget) per request. Seen through the per-address budget.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "203.0.113.7";

    [Theory]
    [InlineData("ForwardedHeaders:Enabled")]
    [InlineData("FORWARDEDHEADERS_ENABLED")] // ASP.NET Core's own switch, which alone would trust every sender
    public async Task AForgedForwardedForFromAnAddressThatIsNoKnownProxyIsIgnored(string switchOn)
    {
        using var factory = ProxiedService(switchOn);

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(StatusCodes.OK, await ReadAsync(factory, Stranger, $"198.51.100.{i}"));
        }

        // Had the forged addresses been believed, each would have had a budget of its own.
        Assert.Equal(StatusCodes.TooManyRequests, await ReadAsync(factory, Stranger, "198.51.100.4"));
        Assert.Equal(StatusCodes.TooManyRequests, await ReadAsync(factory, Stranger, null));
    }

    [Theory]
    [InlineData("ForwardedHeaders:Enabled")]
    [InlineData("FORWARDEDHEADERS_ENABLED")]
    public async Task TheKnownProxysForwardedClientsEachHaveTheirOwnBudget(string switchOn)
    {
        using var factory = ProxiedService(switchOn);

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(StatusCodes.OK, await ReadAsync(factory, Proxy, "198.51.100.20"));
        }

        Assert.Equal(StatusCodes.TooManyRequests, await ReadAsync(factory, Proxy, "198.51.100.20"));
        Assert.Equal(StatusCodes.OK, await ReadAsync(factory, Proxy, "198.51.100.21"));
        // A client forging a header through the proxy gets the address the proxy saw (the right-most entry), not its own pick.
        Assert.Equal(StatusCodes.TooManyRequests, await ReadAsync(factory, Proxy, "198.51.100.99, 198.51.100.20"));
    }

    [Fact]
    public void AnUnreadableProxyAddressStopsTheServiceAtStart()
    {
        using var factory = ProxiedService("ForwardedHeaders:Enabled");
        factory.Settings["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99";

        var failure = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("ForwardedHeaders:KnownNetworks has '10.0.0.0/99'", failure.ToString(), StringComparison.Ordinal);
    }

    private static ApiFactory ProxiedService(string switchOn)
    {
        var factory = ApiFactory.Production(demoPeople: 10);
        factory.Settings[switchOn] = "true";
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
        factory.Settings["RateLimiting:Enabled"] = "true";
        factory.Settings["RateLimiting:RequestsPerMinute"] = "3";
        return factory;
    }

    /// <summary>A read sent from <paramref name="remote"/> (the TCP peer) carrying <paramref name="forwardedFor"/>; returns the status.</summary>
    private static async Task<int> ReadAsync(ApiFactory factory, string remote, string? forwardedFor)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/graphql";
            c.Request.ContentType = "application/json";
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"query":"{ integratedCareSystems { totalCount } }"}"""));
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        });
        return context.Response.StatusCode;
    }

    private static class StatusCodes
    {
        public const int OK = 200;
        public const int TooManyRequests = 429;
    }
}
