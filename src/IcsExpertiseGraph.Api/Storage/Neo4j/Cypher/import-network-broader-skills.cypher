// A batch of taxonomy links: each row names a skill and its broader skill.
// @param rows
// @key broaderId
UNWIND $rows AS row
MATCH (s:Skill {id: row.id})
MATCH (b:Skill {id: row.broaderId})
CREATE (s)-[:BROADER]->(b)
