// Adds or replaces a person's claim to a skill; a new claim starts today.
// @param personId
// @param skillId
// @param level
// @param evidence
// @param years
// @param verified
// @param since
MATCH (p:Person {id: $personId})
MATCH (s:Skill {id: $skillId})
MERGE (p)-[h:HAS_SKILL]->(s)
ON CREATE SET h.since = date($since)
SET h.level = $level, h.evidence = $evidence, h.years = $years, h.verified = $verified
