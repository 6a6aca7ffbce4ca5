// Adds a person to a project unless they already contribute to it; reports how many were created.
// @param personId
// @param projectId
// @param role
// @param from
// @param to
MATCH (p:Person {id: $personId})
MATCH (j:Project {id: $projectId})
WHERE COUNT { (p)-[:CONTRIBUTED_TO]->(j) } = 0
CREATE (p)-[:CONTRIBUTED_TO {role: $role, from: date($from), to: date($to)}]->(j)
RETURN count(*) AS created
