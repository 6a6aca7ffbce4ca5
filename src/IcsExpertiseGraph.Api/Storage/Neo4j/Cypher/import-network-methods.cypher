// A batch of (project, method skill) pairs.
// @param rows
UNWIND $rows AS row
MATCH (j:Project {id: row.projectId})
MATCH (s:Skill {id: row.skillId})
CREATE (j)-[:USED_METHOD]->(s)
