// Whether a project has a lead, and whether the given person is one of its leads.
// @param projectId
// @param personId
MATCH (j:Project {id: $projectId})
RETURN COUNT { (:Person)-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j) } AS leads,
       COUNT { (:Person {id: $personId})-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j) } AS ledByPerson
