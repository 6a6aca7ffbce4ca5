namespace IcsExpertiseGraph.Api.Domain;

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
