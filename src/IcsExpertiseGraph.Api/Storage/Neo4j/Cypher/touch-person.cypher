// A change to a profile's skills or contributions is a change to the profile: new version, new timestamp.
// @param id
// @param now
MATCH (p:Person {id: $id})
SET p.version = p.version + 1, p.updatedAt = datetime($now)
