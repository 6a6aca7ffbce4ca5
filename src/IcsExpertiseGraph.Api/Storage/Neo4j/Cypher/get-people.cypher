// People by id, as the viewer may see them: PUBLIC to anyone, NETWORK to members, PRIVATE to themselves and admins.
// @param ids
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (p:Person)
WHERE p.id IN $ids
  AND (p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin)
RETURN p.id AS id, p.displayName AS displayName, p.headline AS headline, p.bio AS bio, p.email AS email, p.orcid AS orcid,
       p.visibility AS visibility, p.availabilityStatus AS availabilityStatus, p.hoursPerMonth AS hoursPerMonth,
       p.openToCrossOrganisation AS openToCrossOrganisation, p.availabilityTerms AS availabilityTerms,
       p.lastConfirmedAt AS lastConfirmedAt, p.externalId AS externalId, p.version AS version, p.createdAt AS createdAt, p.updatedAt AS updatedAt
