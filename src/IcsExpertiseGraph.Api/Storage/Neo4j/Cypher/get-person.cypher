// One person by id whatever their visibility: writes read the record they change (callers are checked before).
// @param id
MATCH (p:Person {id: $id})
RETURN p {.*} AS person
