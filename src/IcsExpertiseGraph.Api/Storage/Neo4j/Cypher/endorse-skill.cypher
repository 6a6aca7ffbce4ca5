// Records an endorsement unless the same person already endorsed the same skill; reports how many were created.
// @param endorserId
// @param endorseeId
// @param skillId
// @param at
MATCH (a:Person {id: $endorserId})
MATCH (b:Person {id: $endorseeId})
WHERE COUNT { (a)-[e:ENDORSED]->(b) WHERE e.skillId = $skillId } = 0
CREATE (a)-[:ENDORSED {skillId: $skillId, at: datetime($at)}]->(b)
RETURN count(*) AS created
