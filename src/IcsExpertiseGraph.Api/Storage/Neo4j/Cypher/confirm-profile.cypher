// The person confirms their profile is current.
// Returns the version it wrote; the adapter checks it is the one after the version its transaction read.
// @param id
// @param now
MATCH (p:Person {id: $id})
SET p.lastConfirmedAt = datetime($now), p.version = p.version + 1, p.updatedAt = datetime($now)
RETURN p.version AS version
