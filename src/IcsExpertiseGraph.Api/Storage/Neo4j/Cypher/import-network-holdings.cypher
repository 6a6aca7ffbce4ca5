// A batch of skill holdings (levels as ordinal integers 1..4).
// @param rows
// @key personId
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (s:Skill {id: row.skillId})
CREATE (p)-[:HAS_SKILL {level: row.level, evidence: row.evidence, years: row.years, verified: row.verified, since: date(row.since)}]->(s)
