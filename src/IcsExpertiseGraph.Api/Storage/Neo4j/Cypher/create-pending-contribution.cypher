// A contribution waiting for consent: the person asked to join (REQUEST), or a lead added them (ADDITION). It is a
// relationship of its own type, so nothing that reads CONTRIBUTED_TO (contributors, links, paths, evidence) sees it.
// The rule checked there is none yet in the same transaction; returns it as the reads do.
// @param personId
// @param projectId
// @param kind
// @param role
// @param from
// @param to
// @param now
MATCH (p:Person {id: $personId})
MATCH (j:Project {id: $projectId})
CREATE (p)-[r:PENDING_CONTRIBUTION {kind: $kind, role: $role, from: date($from), to: date($to), requestedAt: datetime($now)}]->(j)
RETURN {personId: p.id, projectId: j.id, role: r.role, from: r.from, to: r.to, kind: r.kind, requestedAt: r.requestedAt, personName: p.displayName} AS request
