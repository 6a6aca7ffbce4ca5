// A person's own pending contributions, both kinds, newest first.
// @param personId
MATCH (p:Person {id: $personId})-[r:PENDING_CONTRIBUTION]->(j:Project)
RETURN {personId: p.id, projectId: j.id, role: r.role, from: r.from, to: r.to, kind: r.kind, requestedAt: r.requestedAt, personName: p.displayName} AS request
ORDER BY r.requestedAt DESC, j.id DESC
