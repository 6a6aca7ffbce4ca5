// Removes the whole network (with its invitations and their outbox) and the audit trail that describes it (not the change sequence) before a replacing import,
// in its transaction: a replacement that brings back the same ids must not inherit old events.
MATCH (n)
WHERE n:Person OR n:Organisation OR n:IntegratedCareSystem OR n:Place OR n:Skill OR n:Project OR n:AuditEvent OR n:Invitation OR n:OutboxMessage
DETACH DELETE n
