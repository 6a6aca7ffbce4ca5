// Removes a person from a project; reports how many contributions went.
// @param personId
// @param projectId
OPTIONAL MATCH (:Person {id: $personId})-[c:CONTRIBUTED_TO]->(:Project {id: $projectId})
DELETE c
RETURN count(c) AS removed
