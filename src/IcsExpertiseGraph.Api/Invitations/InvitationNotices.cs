using System.Globalization;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>
/// A notification to put in the outbox, before it has an id; the address is the recipient's at the time of the change. A
/// notice about a project names it (<see cref="ProjectId"/>), and the person whose name it carries to someone else
/// (<see cref="AboutPersonId"/>), so erasing that person removes it.
/// </summary>
public sealed record Notice(NotificationKind Kind, Guid RecipientId, string? RecipientEmail, string Subject, string Body)
{
    public Guid? ProjectId { get; init; }

    public Guid? AboutPersonId { get; init; }
}

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

/// <summary>A person's invitations and notifications in their data export (the right of access), the same from both stores.</summary>
public static class InvitationExport
{
    public static object Of(IReadOnlyList<Invitation> received, IReadOnlyList<Invitation> sent, IReadOnlyList<OutboxMessage> notifications) => new
    {
        received = received.Select(Row),
        sent = sent.Select(Row),
        notifications = notifications.Select(n => new { kind = EnumText.Name(n.Kind), n.Subject, n.Body, n.CreatedAt, emailedTo = n.RecipientEmail, n.SentAt }),
    };

    /// <summary>Everything held about an invitation, including who sent it to whom, for what ICS and skills (the right of access).</summary>
    private static object Row(Invitation i) => new
    {
        id = i.Id, i.InviterId, i.InviteeId, i.IntegratedCareSystemId, i.SkillIds, i.Purpose, i.HoursRequested, i.Message, i.RespondBy,
        status = EnumText.Name(i.Status), i.SentAt, i.RespondedAt, i.ResponseMessage, i.ProjectId,
    };
}
