// Whether the person contributes to the project (in any role); no row when there is no such project.
// @param projectId
// @param personId
MATCH (j:Project {id: $projectId})
RETURN COUNT { (:Person {id: $personId})-[:CONTRIBUTED_TO]->(j) } AS contributes
