using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>The audit events of an invitation's life, worded once for both stores: its state before and after each step.</summary>
public static class InvitationAudit
{
    public static AuditEntry Sent(Invitation invitation) => Step(AuditActions.InviteExpert, null, invitation);

    public static AuditEntry Answered(Invitation before, Invitation after) =>
        Step(after.Status == InvitationStatus.Accepted ? AuditActions.AcceptInvitation : AuditActions.DeclineInvitation, before, after);

    public static AuditEntry Withdrawn(Invitation before, Invitation after) => Step(AuditActions.WithdrawInvitation, before, after);

    public static AuditEntry Linked(Invitation before, Invitation after) => Step(AuditActions.LinkInvitationProject, before, after);

    public static AuditEntry Expired(Invitation before) => Step(AuditActions.ExpireInvitation, before, before with { Status = InvitationStatus.Expired });

    private static AuditEntry Step(string action, Invitation? before, Invitation after) =>
        new(action, after.Id, before is null ? null : InvitationNotices.AuditState(before), InvitationNotices.AuditState(after), AuditSubjects.Invitation);
}
