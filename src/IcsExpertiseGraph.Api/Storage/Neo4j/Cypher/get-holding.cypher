// One person's claim to one skill.
// @param personId
// @param skillId
MATCH (:Person {id: $personId})-[h:HAS_SKILL]->(:Skill {id: $skillId})
RETURN h.level AS level, h.evidence AS evidence, h.years AS years, h.verified AS verified
