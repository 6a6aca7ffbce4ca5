// After an erasure the trail keeps that changes happened, not what they said or who the person was. Whether an event
// is scrubbed is worked out before any property changes, so no assignment reads another's new value.
// @param id
MATCH (a:AuditEvent)
WHERE a.subjectId = $id OR a.actorId = $id OR coalesce(a.before, '') CONTAINS $id OR coalesce(a.after, '') CONTAINS $id
WITH a, (a.subjectId = $id OR coalesce(a.before, '') + coalesce(a.after, '') CONTAINS $id) AS scrub
SET a.before = CASE WHEN scrub THEN null ELSE a.before END,
    a.after = CASE WHEN scrub THEN null ELSE a.after END,
    a.actorId = CASE WHEN a.actorId = $id THEN null ELSE a.actorId END
