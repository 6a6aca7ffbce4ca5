// The skills of each person, deepest first. Levels are ordinal integers 1..4 (Awareness..Coach).
// @param ids
MATCH (p:Person)-[h:HAS_SKILL]->(s:Skill)
WHERE p.id IN $ids
RETURN p.id AS personId, s.id AS skillId, h.level AS level, h.evidence AS evidence, h.years AS years, h.verified AS verified, h.since AS since
ORDER BY personId, level DESC, toLower(s.name)
