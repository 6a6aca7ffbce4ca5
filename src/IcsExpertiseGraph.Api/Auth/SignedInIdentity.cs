using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>What a validated token says about the caller, before any profile is looked up.</summary>
public sealed record SignedInIdentity(string ExternalId, string? Email, bool EmailVerified, string? Name, IReadOnlySet<string> Roles)
{
    /// <summary>When the token was issued (<c>iat</c>, else <c>nbf</c>): a token from before its sign-in's erasure is refused.</summary>
    public DateTimeOffset? IssuedAt { get; init; }
}
