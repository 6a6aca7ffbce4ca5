// Moves a departing person's project contributions to an anonymous former member (relationships cannot change their
// start node, so each is recreated with its properties and the old one deleted).
// @param id
// @param formerId
MATCH (p:Person {id: $id})-[c:CONTRIBUTED_TO]->(j:Project)
MATCH (f:Person {id: $formerId})
CREATE (f)-[:CONTRIBUTED_TO {role: c.role, from: c.from, to: c.to}]->(j)
DELETE c
