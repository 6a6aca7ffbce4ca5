// Adds a person to a project unless they already contribute to it; reports how many were created.
// @param personId
// @param projectId
// @param role
// @param from
// @param to
MATCH (p:Person {id: $personId})
MATCH (j:Project {id: $projectId})
WHERE NOT EXISTS { (p)-[:CONTRIBUTED_TO]->(j) }
CREATE (p)-[:CONTRIBUTED_TO {role: $role, from: date($from), to: date($to)}]->(j)
RETURN count(*) AS created
