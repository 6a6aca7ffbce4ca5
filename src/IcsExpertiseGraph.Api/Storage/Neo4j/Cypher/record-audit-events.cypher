// Appends events to the audit trail, numbered in commit order (the write lock on the sequence node is held).
// before and after are JSON text.
// @param events
MATCH (c:ChangeSequence {id: 1})
UNWIND $events AS event
SET c.lastAuditId = c.lastAuditId + 1
CREATE (:AuditEvent {id: c.lastAuditId, at: datetime(event.at), actorId: event.actorId, action: event.action,
                     subjectType: event.subjectType, subjectId: event.subjectId, before: event.before, after: event.after})
