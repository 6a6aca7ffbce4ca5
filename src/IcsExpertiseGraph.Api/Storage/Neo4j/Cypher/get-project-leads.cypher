// Whether the given person is one of a project's leads; no row when there is no such project.
// @param projectId
// @param personId
MATCH (j:Project {id: $projectId})
RETURN COUNT { (:Person {id: $personId})-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j) } AS ledByPerson
