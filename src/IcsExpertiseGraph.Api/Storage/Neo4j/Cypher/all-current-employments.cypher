// Every current employment (no end date, or one not yet passed), each person's primary one first.
// @param today
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE w.until IS NULL OR w.until >= date($today)
RETURN p.id AS personId, o.id AS organisationId
ORDER BY personId, w.primary DESC
