// People working at each organisation now (no end date, or one not yet passed) whom the viewer may see, by name.
// @param ids
// @param today
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE o.id IN $ids AND (w.until IS NULL OR w.until >= $today)
  AND (p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin)
RETURN DISTINCT o.id AS organisationId, p.id AS id, p.displayName AS displayName, p.headline AS headline, p.bio AS bio, p.email AS email,
       p.orcid AS orcid, p.visibility AS visibility, p.availabilityStatus AS availabilityStatus, p.hoursPerMonth AS hoursPerMonth,
       p.openToCrossOrganisation AS openToCrossOrganisation, p.availabilityTerms AS availabilityTerms, p.lastConfirmedAt AS lastConfirmedAt,
       p.externalId AS externalId, p.version AS version, p.createdAt AS createdAt, p.updatedAt AS updatedAt
ORDER BY organisationId, toLower(displayName), id
