// A batch of ICS mergers: each row names an ICS and the one it became part of.
// @param rows
// @key successorId
UNWIND $rows AS row
MATCH (i:IntegratedCareSystem {id: row.id})
MATCH (s:IntegratedCareSystem {id: row.successorId})
CREATE (i)-[:SUCCEEDED_BY]->(s)
