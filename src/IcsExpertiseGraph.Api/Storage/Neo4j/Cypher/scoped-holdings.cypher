// The skill holdings of the people a batch of changes names, as all-holdings returns them (with the endorsements each
// received and the holder's projects that used the skill).
// @param ids
UNWIND $ids AS wantedId
MATCH (p:Person {id: wantedId})-[h:HAS_SKILL]->(s:Skill)
RETURN p.id AS personId, s.id AS skillId, h.level AS level, h.evidence AS evidence, h.verified AS verified,
       COUNT { (:Person)-[e:ENDORSED]->(p) WHERE e.skillId = s.id } AS endorsements,
       COUNT { (p)-[:CONTRIBUTED_TO]->(:Project)-[:USED_METHOD]->(s) } AS projectEvidence
ORDER BY personId, skillId
