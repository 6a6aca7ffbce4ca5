// A batch of contributions.
// @param rows
// @key personId
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (j:Project {id: row.projectId})
CREATE (p)-[:CONTRIBUTED_TO {role: row.role, from: date(row.from), to: date(row.to)}]->(j)
