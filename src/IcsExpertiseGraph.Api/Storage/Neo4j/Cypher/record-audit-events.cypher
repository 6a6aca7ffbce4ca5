// Appends events to the audit trail, numbered in commit order (the write lock on the sequence node is held). The ids
// are worked out from one read of the counter, so no plan can hand two events the same number. before and after are JSON text.
// @param events
MATCH (c:ChangeSequence {id: 1})
WITH c, coalesce(c.lastAuditId, 0) AS last
SET c.lastAuditId = last + size($events)
WITH last
UNWIND range(0, size($events) - 1) AS i
WITH last + i + 1 AS id, $events[i] AS event
CREATE (:AuditEvent {id: id, at: datetime(event.at), actorId: event.actorId, action: event.action,
                     subjectType: event.subjectType, subjectId: event.subjectId, before: event.before, after: event.after})
