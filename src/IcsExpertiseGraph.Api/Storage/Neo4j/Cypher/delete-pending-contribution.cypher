// A pending contribution goes once decided (agreed ones become CONTRIBUTED_TO, written apart); reports how many went.
// @param personId
// @param projectId
OPTIONAL MATCH (:Person {id: $personId})-[r:PENDING_CONTRIBUTION]->(:Project {id: $projectId})
DELETE r
RETURN count(r) AS removed
