// People by id, as the viewer may see them: PUBLIC to anyone, NETWORK to members, PRIVATE to themselves and admins.
// @param ids
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (p:Person)
WHERE p.id IN $ids
  AND (p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin)
RETURN p {.*} AS person
