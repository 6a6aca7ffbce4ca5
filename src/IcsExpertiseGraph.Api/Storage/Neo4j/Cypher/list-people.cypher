// A page of the people the viewer may see, by name, and the total across all pages: always exactly one row,
// so an empty page still reports the total.
// @param offset
// @param limit
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
CALL () {
  MATCH (p:Person)
  WHERE p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Person)
  WHERE p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin
  WITH p ORDER BY toLower(p.displayName), p.id SKIP $offset LIMIT $limit
  RETURN collect(p {.*}) AS page
}
RETURN total, page
