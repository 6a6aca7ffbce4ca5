using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// Section <c>ForwardedHeaders</c>: behind a reverse proxy the client's address arrives in <c>X-Forwarded-For</c>, which
/// anyone can write. It is believed only from the proxies listed here, so a caller elsewhere cannot pick a fresh rate
/// limit partition (or a false address in the logs) per request by forging the header.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Read <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the known proxies.</summary>
    public bool Enabled { get; set; }

    /// <summary>The proxies' own addresses, e.g. <c>10.0.0.5</c>. With neither list set, loopback only.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to step back through (each must be known).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>ASP.NET Core's own switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>), which by itself would trust every sender.</summary>
    internal static bool PlatformSwitchOn(IConfiguration configuration) =>
        string.Equals(configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
}

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// Trusts exactly the configured proxies, whichever switch turned forwarded headers on: ASP.NET Core's
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> clears the known proxies and networks (trusting anyone), so their
    /// lists are put back after it (PostConfigure runs last).
    /// </summary>
    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : throw Unreadable("KnownProxies", p, "an IP address")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network : throw Unreadable("KnownNetworks", n, "a network in CIDR notation (10.0.0.0/24)")).ToList();
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.KnownProxies.Add(IPAddress.Loopback);
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }

            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });

        if (settings.Enabled && !ForwardedHeadersSettings.PlatformSwitchOn(configuration))
        {
            services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        }

        return services;
    }

    /// <summary>A list entry that is not an address (or network) stops the service at start, naming it: a typo must not quietly trust nobody.</summary>
    private static OptionsValidationException Unreadable(string list, string text, string what) =>
        new(ForwardedHeadersSettings.Section, typeof(ForwardedHeadersSettings), [$"{ForwardedHeadersSettings.Section}:{list} has '{text}', which is not {what}."]);

    /// <summary>First in the pipeline, before anything reads the client's address (rate limits, logs).</summary>
    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
