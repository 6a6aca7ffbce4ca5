// How many project contributions a person has.
// @param id
MATCH (p:Person {id: $id})
RETURN COUNT { (p)-[:CONTRIBUTED_TO]->(:Project) } AS contributions
