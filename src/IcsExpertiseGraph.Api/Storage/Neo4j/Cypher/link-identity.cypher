// Links a profile to an identity provider's object id.
// @param id
// @param externalId
// @param now
MATCH (p:Person {id: $id})
SET p.externalId = $externalId, p.updatedAt = datetime($now)
