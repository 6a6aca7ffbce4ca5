namespace IcsExpertiseGraph.Api.Domain;

/// <summary>What a notification tells its recipient: about an invitation, or about joining or leading a project.</summary>
public enum NotificationKind
{
    InvitationReceived,
    InvitationAccepted,
    InvitationDeclined,
    InvitationWithdrawn,
    JoinRequested,
    JoinApproved,
    JoinDeclined,
    AddedToProject,
    AdditionConfirmed,
    AdditionDeclined,
    AdditionWithdrawn,
    LeadGiven,
}
