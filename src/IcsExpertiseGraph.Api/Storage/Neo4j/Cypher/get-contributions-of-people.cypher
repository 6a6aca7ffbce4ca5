// Contributions of each person: most recent first.
// @param ids
MATCH (p:Person)-[c:CONTRIBUTED_TO]->(j:Project)
WHERE p.id IN $ids
RETURN p.id AS personId, j.id AS projectId, c.role AS role, c.from AS from, c.to AS to
ORDER BY personId, from DESC, j.title
