// Moves a departing person's project contributions to an anonymous former member (relationships cannot change their
// start node, so each is recreated with its properties and the old one deleted). Nobody leads through a placeholder: a
// lead's contribution moves as a member's, leaving the project without a lead for a network manager to give it one.
// @param id
// @param formerId
MATCH (p:Person {id: $id})-[c:CONTRIBUTED_TO]->(j:Project)
MATCH (f:Person {id: $formerId})
CREATE (f)-[:CONTRIBUTED_TO {role: CASE c.role WHEN 'LEAD' THEN 'MEMBER' ELSE c.role END, from: c.from, to: c.to}]->(j)
DELETE c
