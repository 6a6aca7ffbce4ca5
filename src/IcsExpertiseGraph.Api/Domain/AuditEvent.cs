namespace IcsExpertiseGraph.Api.Domain;

/// <summary>One entry of the audit trail: who did what to whom, with the fields before and after (JSON).</summary>
public sealed record AuditEvent(long Id, DateTimeOffset At, Guid? ActorId, string Action, string SubjectType, Guid SubjectId, string? Before, string? After);
