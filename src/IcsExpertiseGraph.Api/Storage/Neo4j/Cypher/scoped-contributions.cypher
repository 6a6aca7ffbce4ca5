// The contributions of the people a batch of changes names, grouped by project as all-contributions returns them.
// @param ids
UNWIND $ids AS wantedId
MATCH (p:Person {id: wantedId})-[:CONTRIBUTED_TO]->(j:Project)
RETURN p.id AS personId, j.id AS projectId
ORDER BY projectId, personId
