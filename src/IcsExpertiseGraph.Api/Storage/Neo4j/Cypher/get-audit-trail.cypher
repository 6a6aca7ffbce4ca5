// The audit trail of one subject, newest first (ids follow commit order).
// @param subjectId
// @param limit
MATCH (a:AuditEvent {subjectId: $subjectId})
RETURN a {.*} AS event
ORDER BY a.id DESC
LIMIT $limit
