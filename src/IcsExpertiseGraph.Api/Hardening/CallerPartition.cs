namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// Whose budget a request spends: the signed-in user's (so a user cannot escape by changing address), else the
/// client address's. Signed-in users are not limited by address as well: thousands of NHS staff share each trust's
/// few outgoing addresses. Authentication runs first, so the user is known here.
/// </summary>
internal static class CallerPartition
{
    public static string Of(HttpContext http)
    {
        var identity = Auth.CallerResolver.IdentityOf(http.User);
        return identity is not null
            ? "user:" + identity.ExternalId
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
