using System.Globalization;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Invitations;

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
