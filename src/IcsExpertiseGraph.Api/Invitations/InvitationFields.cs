using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>Person.invitations, sentInvitations and notifications: the person's own, read through <c>me</c>; nobody else's.</summary>
internal static class InvitationFields
{
    public const int MaxInvitations = 200;

    public static void AddInvitationFields(this ObjectGraphType<Person> person)
    {
        person.Field<ListGraphType<NonNullGraphType<InvitationGraphType>>>("invitations")
            .Description("Invitations you received, newest first (yours only), optionally of one status.")
            .Argument<EnumerationGraphType<InvitationStatus>>("status")
            .Argument<IntGraphType>("first", $"How many, 1..{MaxInvitations}.", a => a.DefaultValue = 50)
            .ResolveAsync(c => InvitationsAsync(c, InvitationSide.Received));

        person.Field<ListGraphType<NonNullGraphType<InvitationGraphType>>>("sentInvitations")
            .Description("Invitations you sent, newest first (yours only), optionally of one status.")
            .Argument<EnumerationGraphType<InvitationStatus>>("status")
            .Argument<IntGraphType>("first", $"How many, 1..{MaxInvitations}.", a => a.DefaultValue = 50)
            .ResolveAsync(c => InvitationsAsync(c, InvitationSide.Sent));

        person.Field<ListGraphType<NonNullGraphType<NotificationGraphType>>>("notifications")
            .Description("Notifications addressed to you, newest first, whether or not they were emailed (yours only).")
            .Argument<IntGraphType>("first", $"How many, 1..{MaxInvitations}.", a => a.DefaultValue = 50)
            .ResolveAsync(async c =>
            {
                RequireSelf(c);
                return await c.Request().Store.GetNotificationsAsync(c.Source.Id, c.First(50, MaxInvitations), c.CancellationToken);
            });
    }

    private static async Task<object?> InvitationsAsync(IResolveFieldContext<Person> c, InvitationSide side)
    {
        RequireSelf(c);
        var first = c.First(50, MaxInvitations);
        var status = c.GetArgument<InvitationStatus?>("status");
        var now = Me.Now(c);
        // With a status asked for, all of the person's invitations are read and filtered on the status as of now (a SENT
        // invitation past its deadline is EXPIRED), so an older match is never cut off by a limit on the newest rows.
        // One person's invitations are few (the daily cap bounds what anyone sends).
        var invitations = await c.Request().Store.GetInvitationsOfPersonAsync(c.Source.Id, side, status is null ? first : int.MaxValue, c.CancellationToken);
        return invitations.Where(i => status is null || i.StatusAt(now) == status).Take(first).ToList();
    }

    private static void RequireSelf(IResolveFieldContext<Person> c) =>
        Access.RequireSelf(c, c.Source.Id, "Only the person may read their invitations and notifications.");
}
