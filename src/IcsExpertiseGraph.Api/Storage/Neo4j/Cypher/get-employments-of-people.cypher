// Employments of each person: primary first, then current ones, then the most recent (undated last).
// @param ids
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE p.id IN $ids
RETURN p.id AS personId, o.id AS organisationId, w.role AS role, w.since AS since, w.until AS until, w.primary AS primary
ORDER BY personId, primary DESC, until IS NOT NULL, since IS NULL, since DESC
