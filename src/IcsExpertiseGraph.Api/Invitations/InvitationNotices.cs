using System.Globalization;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>
/// The words of each notification, shared by both stores so the same change produces the same message. Only the
/// acceptance carries contact details: the invitee's email goes to the inviter once they have consented.
/// </summary>
public static class InvitationNotices
{
    public static Notice Received(Invitation invitation, Person inviter, Person invitee, string systemName) => new(
        NotificationKind.InvitationReceived, invitee.Id, invitee.Email,
        $"{inviter.DisplayName} invites you to help design {systemName}",
        $"""
        {inviter.DisplayName} invites you to: {invitation.Purpose}
        ICS: {systemName}
        Time asked for: {invitation.HoursRequested} hours
        Please answer by: {invitation.RespondBy.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}
        {TheirMessage(invitation.Message)}
        Accept or decline in IcsExpertiseGraph (me.invitations). Your contact details are shared only if you accept.
        """);

    public static Notice Answered(Invitation invitation, Person inviter, Person invitee, bool accepted) => accepted
        ? new(NotificationKind.InvitationAccepted, inviter.Id, inviter.Email,
            $"{invitee.DisplayName} accepted your invitation",
            $"""
            {invitee.DisplayName} accepted your invitation: {invitation.Purpose}
            They have agreed to share their contact details: {invitee.Email ?? "(no email on their profile)"}
            {TheirMessage(invitation.ResponseMessage)}
            """)
        : new(NotificationKind.InvitationDeclined, inviter.Id, inviter.Email,
            $"{invitee.DisplayName} declined your invitation",
            $"""
            {invitee.DisplayName} declined your invitation: {invitation.Purpose}
            {TheirMessage(invitation.ResponseMessage)}
            """);

    public static Notice Withdrawn(Invitation invitation, Person inviter, Person invitee) => new(
        NotificationKind.InvitationWithdrawn, invitee.Id, invitee.Email,
        $"{inviter.DisplayName} withdrew an invitation",
        $"{inviter.DisplayName} withdrew their invitation: {invitation.Purpose}\nThere is nothing you need to do.");

    private static string TheirMessage(string? message) => message is null ? "" : "\nTheir message:\n" + message + "\n";

    /// <summary>The audit record of an invitation's change: who is involved and where it now stands, never the message text.</summary>
    public static object AuditState(Invitation invitation) => new
    {
        invitationId = invitation.Id, inviterId = invitation.InviterId, inviteeId = invitation.InviteeId,
        status = EnumText.Name(invitation.Status), projectId = invitation.ProjectId,
    };
}

