// Writes a profile's fields, only if it is still at the version the caller read (optimistic concurrency, checked here
// in the same statement as the write); no row back means the version moved on.
// @param id
// @param expectedVersion
// @param fields
// @param now
MATCH (p:Person {id: $id})
WHERE $expectedVersion IS NULL OR p.version = $expectedVersion
SET p.displayName = $fields.displayName, p.headline = $fields.headline, p.bio = $fields.bio, p.orcid = $fields.orcid,
    p.email = $fields.email, p.emailKey = toLower($fields.email), p.visibility = $fields.visibility,
    p.availabilityStatus = $fields.availabilityStatus, p.hoursPerMonth = $fields.hoursPerMonth,
    p.openToCrossOrganisation = $fields.openToCrossOrganisation, p.availabilityTerms = $fields.availabilityTerms,
    p.version = p.version + 1, p.updatedAt = datetime($now)
RETURN p.version AS version
