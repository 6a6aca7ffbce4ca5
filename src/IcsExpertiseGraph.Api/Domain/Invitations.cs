namespace IcsExpertiseGraph.Api.Domain;

/// <summary>An invitation's life: SENT until the invitee answers, the inviter withdraws it, or respondBy passes.</summary>
public enum InvitationStatus { Sent, Accepted, Declined, Withdrawn, Expired }

public enum InvitationResponse { Accept, Decline }

/// <summary>Which side of an invitation a person is on.</summary>
public enum InvitationSide { Received, Sent }

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

/// <summary>
/// An ICS designer's request that an expert help design an ICS. <see cref="Status"/> is what the store holds; an
/// invitation still SENT after <see cref="RespondBy"/> is EXPIRED whether or not the sweeper has recorded it yet, so
/// readers use <see cref="StatusAt"/>.
/// </summary>
public sealed record Invitation(
    Guid Id,
    Guid InviterId,
    Guid InviteeId,
    Guid IntegratedCareSystemId,
    string Purpose,
    IReadOnlyList<Guid> SkillIds,
    int HoursRequested,
    string? Message,
    DateTimeOffset RespondBy,
    InvitationStatus Status,
    DateTimeOffset SentAt,
    DateTimeOffset? RespondedAt,
    string? ResponseMessage,
    Guid? ProjectId)
{
    public InvitationStatus StatusAt(DateTimeOffset now) => Status == InvitationStatus.Sent && now >= RespondBy ? InvitationStatus.Expired : Status;
}

/// <summary>A new invitation as the inviter asks for it (inviteExpert), already validated for length and dates.</summary>
public sealed record InvitationDraft(
    Guid InviteeId, string Purpose, Guid IntegratedCareSystemId, IReadOnlyList<Guid> SkillIds, int HoursRequested, string? Message, DateTimeOffset RespondBy);

/// <summary>The limits the store enforces when it records an invitation (configuration, not data).</summary>
public sealed record InvitationPolicy(int DailyLimitPerInviter);

/// <summary>
/// A notification in the durable outbox, written in the same transaction as the change it reports: about an invitation
/// (<see cref="InvitationId"/>) or a project (<see cref="ProjectId"/>). The sender claims
/// it (ClaimedUntil), sends it with a Message-ID derived from <see cref="Id"/>, then marks it sent; a message with no
/// address, or that failed too often, is given up (and stays readable in the recipient's <c>me</c> view).
/// </summary>
public sealed record OutboxMessage(
    Guid Id,
    NotificationKind Kind,
    Guid? InvitationId,
    Guid RecipientId,
    string? RecipientEmail,
    string Subject,
    string Body,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? SentAt,
    string? LastError,
    bool GaveUp)
{
    /// <summary>The project a notification about joining or leading one is about.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Set on a message a sender has just claimed: only that claim may release it (see MarkOutboxFailedAsync).</summary>
    public Guid? ClaimToken { get; init; }
}
