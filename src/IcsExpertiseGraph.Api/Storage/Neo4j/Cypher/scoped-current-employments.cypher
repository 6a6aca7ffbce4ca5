// The current employments of the people a batch of changes names, in all-current-employments' order (the primary
// post, then the most recently started, then by organisation id).
// @param ids
// @param today
UNWIND $ids AS wantedId
MATCH (p:Person {id: wantedId})-[w:WORKS_AT]->(o:Organisation)
WHERE w.until IS NULL OR w.until >= date($today)
RETURN p.id AS personId, o.id AS organisationId
ORDER BY personId, w.primary DESC, w.since IS NULL, w.since DESC, organisationId
