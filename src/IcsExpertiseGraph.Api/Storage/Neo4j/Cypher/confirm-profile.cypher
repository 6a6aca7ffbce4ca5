// The person confirms their profile is current.
// @param id
// @param now
MATCH (p:Person {id: $id})
SET p.lastConfirmedAt = datetime($now), p.version = p.version + 1, p.updatedAt = datetime($now)
