// Contributions of each person: most recent first (undated last), then by project title.
// @param ids
MATCH (p:Person)-[c:CONTRIBUTED_TO]->(j:Project)
WHERE p.id IN $ids
RETURN p.id AS personId, j.id AS projectId, c.role AS role, c.from AS from, c.to AS to
ORDER BY personId, from IS NULL, from DESC, j.title
