// Removes a person's claim to a skill and the endorsements of it (they were of the claim); reports how many claims went.
// @param personId
// @param skillId
OPTIONAL MATCH (p:Person {id: $personId})-[h:HAS_SKILL]->(s:Skill {id: $skillId})
CALL (p, s) {
  MATCH (:Person)-[e:ENDORSED]->(p)
  WHERE e.skillId = s.id
  DELETE e
}
DELETE h
RETURN count(h) AS removed
