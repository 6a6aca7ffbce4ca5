// What a rule about a person joining or leading a project rests on: the project's leads with their visibility (a lead
// the caller may not see must not change what they are told), the person's agreed contribution and their pending one,
// if any. No row when there is no such project; the person may not exist (then both are null).
// @param projectId
// @param personId
MATCH (j:Project {id: $projectId})
OPTIONAL MATCH (p:Person {id: $personId})
OPTIONAL MATCH (p)-[c:CONTRIBUTED_TO]->(j)
OPTIONAL MATCH (p)-[r:PENDING_CONTRIBUTION]->(j)
RETURN [(l:Person)-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j) | l {.id, .visibility}] AS leads,
       CASE WHEN c IS NULL THEN null ELSE {personId: p.id, projectId: j.id, role: c.role, from: c.from, to: c.to} END AS contribution,
       CASE WHEN r IS NULL THEN null
            ELSE {personId: p.id, projectId: j.id, role: r.role, from: r.from, to: r.to, kind: r.kind, requestedAt: r.requestedAt, personName: p.displayName} END AS pending
