namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// The sign-in this instance offers, for clients to ask before they sign in (signInOptions); worked out once from
/// configuration, like <see cref="AuthMode"/>. Nothing in it is secret: it is what a single-page app ships anyway.
/// </summary>
public sealed record SignInOffer(SignInMode Mode, bool DevelopmentSignIn, EntraIdSignIn? EntraId)
{
    public static SignInOffer From(AuthMode mode, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(configuration);
        var signInMode = mode.EntraId ? SignInMode.EntraId : mode.LocalIssuer ? SignInMode.LocalDevelopment : SignInMode.None;
        if (!mode.EntraId)
        {
            return new SignInOffer(signInMode, mode.DevelopmentSignIn, null);
        }

        var section = configuration.GetSection("AzureAd");
        var apiClientId = section["ClientId"]!.Trim();
        // Instance and TenantId as configured: Microsoft.Identity.Web needs them to validate any token (without Instance every request fails).
        var authority = (section["Instance"] ?? "").Trim().TrimEnd('/') + "/" + (section["TenantId"] ?? "").Trim().Trim('/');
        // The browser app may have its own registration; without one it signs in as the API's own.
        var clientId = section["SpaClientId"] is { Length: > 0 } spa ? spa.Trim() : apiClientId;
        return new SignInOffer(signInMode, mode.DevelopmentSignIn, new EntraIdSignIn(authority, clientId, Scopes(section.GetSection("Scopes"), apiClientId)));
    }

    /// <summary>AzureAd:Scopes as a list (Scopes:0, Scopes:1, ...) or one space-separated string; else the API's access_as_user scope.</summary>
    private static string[] Scopes(IConfigurationSection scopes, string apiClientId)
    {
        IEnumerable<string> listed = scopes.Value is { Length: > 0 } text
            ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : scopes.Get<string[]>() ?? [];
        string[] found = [.. listed.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        return found.Length > 0 ? found : [$"api://{apiClientId}/access_as_user"];
    }
}
