using System.Security.Claims;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Turns a validated token into the caller: their identity (object id, verified email, roles) and, if their
/// profile is already linked, their person. A token issued before its sign-in's profile was erased is refused
/// (<see cref="SignInRefusedException"/>), whatever it asks. The object id is <c>oid</c>, else <c>sub</c>; roles come from
/// the <c>roles</c> claim (Entra app roles); an Admin is also a network manager.
/// </summary>
public sealed class CallerResolver(IExpertiseStore store, TimeProvider clock)
{
    /// <summary>
    /// How long a sign-in's profile link is remembered. Links are only ever added for a sign-in that had none (never
    /// remembered), and taken away only by erasure, which this instance forgets at once; another instance's erasure is
    /// noticed within this time.
    /// </summary>
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Enough for every active member of a large network; past it the cache starts again.</summary>
    private const int MaxLinks = 200_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Guid PersonId, DateTimeOffset Until)> links = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset? ErasedAt, DateTimeOffset Until)> erasures = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Guid PersonId, Projects.RecordedManager? Record, DateTimeOffset Until)> roles = new(StringComparer.Ordinal);

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
        return new SignedInIdentity(externalId, email, verified, First(user, "name"), roles) { IssuedAt = UnixTime(First(user, "iat", "nbf")) };
    }

    public async Task<Viewer> ViewerForAsync(SignedInIdentity? identity, CancellationToken cancellationToken)
    {
        if (identity is null)
        {
            return Viewer.Anonymous;
        }

        if (ErasedSignIn.Predates(identity.IssuedAt, await ErasedAtAsync(identity.ExternalId, cancellationToken)))
        {
            throw new SignInRefusedException(ErasedSignIn.RefusalMessage);
        }

        var personId = await LinkedPersonAsync(identity.ExternalId, cancellationToken);
        var admin = identity.Roles.Contains(Roles.Admin);
        var viewer = new Viewer(personId, IsMember: true, IsAdmin: admin, IsNetworkManager: admin || identity.Roles.Contains(Roles.NetworkManager));
        await RecordRoleAsync(identity.ExternalId, viewer, cancellationToken);
        return viewer;
    }

    /// <summary>
    /// Keeps the store's record of network managers as this sign-in's token says (ProjectRules.RecordRole), so requests on
    /// projects without a lead reach them. Asked of the store when the role this instance last recorded for the sign-in
    /// differs, or that knowledge is older than links are kept (another instance may have recorded a later token's roles).
    /// </summary>
    private async Task RecordRoleAsync(string externalId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.PersonId is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var record = Projects.ProjectRules.ManagerRecordOf(viewer);
        if (roles.TryGetValue(externalId, out var known) && known.Until > now && known.Record == record && known.PersonId == viewer.PersonId)
        {
            return;
        }

        await store.RecordManagerRoleAsync(viewer, now, cancellationToken);
        if (roles.Count >= MaxLinks)
        {
            roles.Clear();
        }

        roles[externalId] = (viewer.PersonId.Value, record, now + LinkLifetime);
    }

    /// <summary>Forgets a sign-in's link at once, and remembers when its profile was erased (here, at <paramref name="erasedAt"/>).</summary>
    public void Forget(string externalId, DateTimeOffset erasedAt)
    {
        links.TryRemove(externalId, out _);
        roles.TryRemove(externalId, out _);
        erasures[externalId] = (erasedAt, clock.GetUtcNow() + LinkLifetime);
    }

    /// <summary>
    /// When this sign-in's profile was last erased, if ever: remembered as long as links are (every request asks, and
    /// erasures are rare), so another instance's erasure refuses old tokens here within that time.
    /// </summary>
    public async Task<DateTimeOffset?> ErasedAtAsync(string externalId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (erasures.TryGetValue(externalId, out var known) && known.Until > now)
        {
            return known.ErasedAt;
        }

        var erasedAt = await store.GetErasureAsync(externalId, cancellationToken);
        if (erasures.Count >= MaxLinks)
        {
            erasures.Clear();
        }

        erasures[externalId] = (erasedAt, now + LinkLifetime);
        return erasedAt;
    }

    /// <summary>
    /// The person linked to this sign-in: remembered for a while, as every request asks and links rarely change.
    /// A sign-in with no profile yet is asked of the store each time, so <c>me</c> or <c>createMyProfile</c> links it at once.
    /// </summary>
    private async Task<Guid?> LinkedPersonAsync(string externalId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (links.TryGetValue(externalId, out var known) && known.Until > now)
        {
            return known.PersonId;
        }

        var personId = await store.FindPersonIdByExternalIdAsync(externalId, cancellationToken);
        if (personId is { } found)
        {
            if (links.Count >= MaxLinks)
            {
                links.Clear();
            }

            links[externalId] = (found, now + LinkLifetime);
        }
        else
        {
            links.TryRemove(externalId, out _);
        }

        return personId;
    }

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static DateTimeOffset? UnixTime(string? seconds) =>
        long.TryParse(seconds, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeSeconds(value)
            : null;

    private static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
