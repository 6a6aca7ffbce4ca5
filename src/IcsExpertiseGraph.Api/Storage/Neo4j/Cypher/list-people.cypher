// A page of the people the viewer may see, by name, and the total across all pages: always exactly one row,
// so an empty page still reports the total.
// @param offset
// @param limit
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (p:Person)
WHERE p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin
WITH p ORDER BY toLower(p.displayName), p.id
WITH collect(p) AS everyone
RETURN size(everyone) AS total,
       [x IN everyone[$offset..($offset + $limit)] | x {.id, .displayName, .headline, .bio, .email, .orcid, .visibility, .availabilityStatus,
           .hoursPerMonth, .openToCrossOrganisation, .availabilityTerms, .lastConfirmedAt, .externalId, .version, .createdAt, .updatedAt}] AS page
