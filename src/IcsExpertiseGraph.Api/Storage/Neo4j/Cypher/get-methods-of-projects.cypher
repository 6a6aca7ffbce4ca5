// The skills each project used.
// @param ids
MATCH (j:Project)-[:USED_METHOD]->(s:Skill)
WHERE j.id IN $ids
RETURN j.id AS projectId, s.id AS skillId
ORDER BY projectId, toLower(s.name)
