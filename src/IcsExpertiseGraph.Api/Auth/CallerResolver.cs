using System.Security.Claims;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Turns a validated token into the caller: their identity (object id, verified email, roles) and, if their
/// profile is already linked, their person. The object id is <c>oid</c>, else <c>sub</c>; roles come from
/// the <c>roles</c> claim (Entra app roles); an Admin is also a network manager.
/// </summary>
public sealed class CallerResolver(IExpertiseStore store)
{
    public static SignedInIdentity? IdentityOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var externalId = First(user, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(externalId))
        {
            return null;
        }

        var email = First(user, "email", ClaimTypes.Email);
        // Entra ID marks a verified email domain owner with xms_edov; the local issuer and other OIDC issuers use email_verified.
        var verified = email is not null && (IsTrue(First(user, "email_verified")) || IsTrue(First(user, "xms_edov")));
        var roles = user.FindAll("roles").Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new SignedInIdentity(externalId, email, verified, First(user, "name"), roles);
    }

    public async Task<Viewer> ViewerForAsync(SignedInIdentity? identity, CancellationToken cancellationToken)
    {
        if (identity is null)
        {
            return Viewer.Anonymous;
        }

        var personId = await store.FindPersonIdByExternalIdAsync(identity.ExternalId, cancellationToken);
        var admin = identity.Roles.Contains(Roles.Admin);
        return new Viewer(personId, IsMember: true, IsAdmin: admin, IsNetworkManager: admin || identity.Roles.Contains(Roles.NetworkManager));
    }

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
