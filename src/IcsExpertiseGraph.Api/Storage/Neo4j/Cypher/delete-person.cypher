// Removes a person with their skills, employments and endorsements (given and received), returning the people they
// had endorsed (whose endorsement counts change with them).
// @param id
MATCH (p:Person {id: $id})
WITH p, [(p)-[:ENDORSED]->(endorsee:Person) | endorsee.id] AS endorsed
DETACH DELETE p
RETURN endorsed
