using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>Which issuer this instance trusts, and whether it offers the development sign-in, decided once from configuration.</summary>
public sealed record AuthMode(bool EntraId, bool Production, bool LocalAllowedInProduction, bool Development, bool? DevelopmentSignInSetting)
{
    public bool Refused => !EntraId && Production && !LocalAllowedInProduction;

    /// <summary>The local development issuer signs and validates this instance's tokens.</summary>
    public bool LocalIssuer => !EntraId && !Refused;

    /// <summary>
    /// Anyone may sign in as anyone (developmentSignIn): only where the local issuer runs anyway, and then in
    /// Development unless Auth:DevelopmentSignIn says otherwise.
    /// </summary>
    public bool DevelopmentSignIn => LocalIssuer && (DevelopmentSignInSetting ?? Development);
}
