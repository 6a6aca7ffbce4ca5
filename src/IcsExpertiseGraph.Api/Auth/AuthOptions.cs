namespace IcsExpertiseGraph.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The local development issuer signs its own tokens; it must never run in production by accident.
    /// Set true only for a production-like test environment without Entra ID.
    /// </summary>
    public bool AllowLocalIssuerInProduction { get; set; }

    /// <summary>
    /// The development sign-in (pick anyone from a list and be them: developmentSignIn). Null means on in Development
    /// only; true turns it on elsewhere too, false off everywhere. It needs the local issuer, so never with Entra ID,
    /// and in Production only where AllowLocalIssuerInProduction is set as well.
    /// </summary>
    public bool? DevelopmentSignIn { get; set; }

    /// <summary>Where the local issuer keeps its signing key; empty means beside the SQLite store.</summary>
    public string? LocalKeyPath { get; set; }

    /// <summary>How long a local token lasts.</summary>
    public TimeSpan LocalTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
