// A network manager vouches for a claimed skill; reports how many claims were found.
// @param personId
// @param skillId
MATCH (:Person {id: $personId})-[h:HAS_SKILL]->(:Skill {id: $skillId})
SET h.verified = true
RETURN count(h) AS verified
