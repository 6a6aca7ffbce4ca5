// People working at each organisation now (no end date, or one not yet passed) whom the viewer may see, by name.
// @param ids
// @param today
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE o.id IN $ids AND (w.until IS NULL OR w.until >= date($today))
  AND (p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin)
WITH DISTINCT o, p
RETURN o.id AS organisationId, p {.*} AS person
ORDER BY organisationId, toLower(p.displayName), p.id
