// Contributions to each project by people the viewer may see: leads first, then by name.
// @param ids
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (p:Person)-[c:CONTRIBUTED_TO]->(j:Project)
WHERE j.id IN $ids
  AND (p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin)
RETURN p.id AS personId, j.id AS projectId, c.role AS role, c.from AS from, c.to AS to
ORDER BY projectId, CASE c.role WHEN 'LEAD' THEN 0 ELSE 1 END, p.displayName
