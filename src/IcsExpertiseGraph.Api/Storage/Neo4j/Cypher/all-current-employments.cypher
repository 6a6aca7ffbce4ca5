// Every current employment (no end date, or one not yet passed), each person's in the order that picks their
// organisation: the primary post, then the most recently started, then by organisation id (both stores use this order).
// @param today
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE w.until IS NULL OR w.until >= date($today)
RETURN p.id AS personId, o.id AS organisationId
ORDER BY personId, w.primary DESC, w.since IS NULL, w.since DESC, organisationId
