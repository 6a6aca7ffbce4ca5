// The whole skill taxonomy, by name (case-insensitively), with each skill's aliases and broader skill.
MATCH (s:Skill)
OPTIONAL MATCH (s)-[:BROADER]->(b:Skill)
RETURN s.id AS id, s.key AS key, s.name AS name, coalesce(s.aliases, []) AS aliases, s.description AS description, s.domain AS domain,
       b.id AS broaderId
ORDER BY toLower(s.name)
