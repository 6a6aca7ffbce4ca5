// A batch of endorsements.
// @param rows
// @key endorserId
// @key endorseeId
UNWIND $rows AS row
MATCH (a:Person {id: row.endorserId})
MATCH (b:Person {id: row.endorseeId})
CREATE (a)-[:ENDORSED {skillId: row.skillId, at: datetime(row.at)}]->(b)
