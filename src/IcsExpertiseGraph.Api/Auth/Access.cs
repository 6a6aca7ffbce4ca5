using GraphQL;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Who may use a field, in one place: a signed-in member, a network manager, an admin, or the person themself. Each
/// check is UNAUTHENTICATED without a token and FORBIDDEN with one that lacks the role.
/// </summary>
public static class Access
{
    public static void RequireMember(IResolveFieldContext context)
    {
        if (context.Request().Identity is null)
        {
            throw CodedError.Unauthenticated();
        }
    }

    public static void RequireNetworkManager(IResolveFieldContext context)
    {
        RequireMember(context);
        if (!context.Request().Viewer.IsNetworkManager)
        {
            throw CodedError.Forbidden("Only network managers may do this.");
        }
    }

    public static void RequireAdmin(IResolveFieldContext context, string forbidden)
    {
        RequireMember(context);
        if (!context.Request().Viewer.IsAdmin)
        {
            throw CodedError.Forbidden(forbidden);
        }
    }

    /// <summary>Only the person themself (admins too, when <paramref name="adminsToo"/>).</summary>
    public static void RequireSelf(IResolveFieldContext context, Guid personId, string forbidden, bool adminsToo = false)
    {
        var viewer = context.Request().Viewer;
        if (viewer.PersonId != personId && !(adminsToo && viewer.IsAdmin))
        {
            throw CodedError.Forbidden(forbidden);
        }
    }

    /// <summary>The development sign-in: anyone may be anyone, so only where this instance allows it.</summary>
    public static void RequireDevelopmentSignIn(IResolveFieldContext context)
    {
        var mode = context.RequestServices!.GetRequiredService<AuthMode>();
        if (!mode.DevelopmentSignIn)
        {
            throw CodedError.Forbidden(mode.EntraId
                ? "The development sign-in is off on this instance: sign in with your organisation's Microsoft Entra ID account (signInOptions.entraId)."
                : "The development sign-in is off on this instance (it needs the Development environment or Auth:DevelopmentSignIn=true): ask whoever runs it for a token (the token verb).");
        }
    }
}
