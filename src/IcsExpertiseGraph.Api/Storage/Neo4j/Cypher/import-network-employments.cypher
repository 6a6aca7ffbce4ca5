// A batch of employments.
// @param rows
// @key personId
// @key organisationId
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (o:Organisation {id: row.organisationId})
CREATE (p)-[:WORKS_AT {role: row.role, since: date(row.since), until: date(row.until), primary: row.primary}]->(o)
