// After an erasure the trail keeps that changes happened, not what they said or who the person was.
// @param id
MATCH (a:AuditEvent)
WHERE a.subjectId = $id OR a.actorId = $id OR coalesce(a.before, '') CONTAINS $id OR coalesce(a.after, '') CONTAINS $id
SET a.before = CASE WHEN a.subjectId = $id OR coalesce(a.before, '') + coalesce(a.after, '') CONTAINS $id THEN null ELSE a.before END,
    a.after = CASE WHEN a.subjectId = $id OR coalesce(a.before, '') + coalesce(a.after, '') CONTAINS $id THEN null ELSE a.after END,
    a.actorId = CASE WHEN a.actorId = $id THEN null ELSE a.actorId END
