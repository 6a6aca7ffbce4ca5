// A contributor's role in a project changes (the lead handed over or assigned); reports how many contributions changed.
// @param personId
// @param projectId
// @param role
OPTIONAL MATCH (:Person {id: $personId})-[c:CONTRIBUTED_TO]->(:Project {id: $projectId})
SET c.role = $role
RETURN count(c) AS updated
