namespace IcsExpertiseGraph.Api.Domain;

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

