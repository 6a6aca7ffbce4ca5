// Removes a person with their skills, employments and endorsements (given and received).
// @param id
MATCH (p:Person {id: $id})
DETACH DELETE p
