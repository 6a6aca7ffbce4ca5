using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// What a decision on a pending contribution does (<see cref="ProjectRules.Decide"/>): whether the person joins the
/// project, the audit event, and the notification, if any, with whom it goes to (the person, or the project's leads).
/// </summary>
public sealed record JoinDecided(bool Joins, AuditEntry Audit, NotificationKind? Notice, bool NoticeToLeads);
