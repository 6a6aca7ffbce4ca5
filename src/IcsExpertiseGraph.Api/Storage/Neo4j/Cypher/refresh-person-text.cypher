// Keeps a person's searchable skill text (skill names and aliases) in step with their skills, in the same transaction.
// @param id
MATCH (p:Person {id: $id})
SET p.skillText = reduce(text = '', part IN COLLECT {
      MATCH (p)-[:HAS_SKILL]->(s:Skill)
      RETURN s.name + reduce(aliases = '', alias IN coalesce(s.aliases, []) | aliases + ' ' + alias)
    } | CASE WHEN text = '' THEN part ELSE text + ' | ' + part END)
