namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A new invitation as the inviter asks for it (inviteExpert), already validated for length and dates.</summary>
public sealed record InvitationDraft(
    Guid InviteeId, string Purpose, Guid IntegratedCareSystemId, IReadOnlyList<Guid> SkillIds, int HoursRequested, string? Message, DateTimeOffset RespondBy);
