// The whole skill taxonomy, by name, with each skill's broader skill.
MATCH (s:Skill)
OPTIONAL MATCH (s)-[:BROADER]->(b:Skill)
RETURN s.id AS id, s.key AS key, s.name AS name, s.aliases AS aliases, s.description AS description, s.domain AS domain, b.id AS broaderId
ORDER BY s.name
