namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// One event of the audit trail as a rule words it: the action, its subject, and what the subject was before and is
/// after (serialised to JSON by the store). Each store writes it in the transaction of the write it records.
/// </summary>
public sealed record AuditEntry(string Action, Guid Subject, object? Before, object? After, string SubjectType = AuditSubjects.Person);
