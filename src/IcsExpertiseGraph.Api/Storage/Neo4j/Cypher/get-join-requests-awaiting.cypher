// The candidates for what waits on a viewer: every pending contribution to a project they lead, and for a network manager
// ($everyRequest) every request, each with its project's leads and their visibility, and the person's; the rule
// (ProjectRules.AwaitsDecisionBy) keeps those that wait on them, newest first.
// @param personId
// @param everyRequest
MATCH (p:Person)-[r:PENDING_CONTRIBUTION]->(j:Project)
WHERE ($everyRequest AND r.kind = 'REQUEST') OR EXISTS { (:Person {id: $personId})-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j) }
RETURN {personId: p.id, projectId: j.id, role: r.role, from: r.from, to: r.to, kind: r.kind, requestedAt: r.requestedAt, personName: p.displayName} AS request,
       [(l:Person)-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j) | l {.id, .visibility}] AS leads,
       p.visibility AS personVisibility
ORDER BY r.requestedAt DESC, p.id DESC
