// Writes a project's fields and host; its methods are replaced only when replaceMethods is set, and then it returns
// its contributors (the methods a project used are evidence for each contributor's skills).
// The ids were checked in the same transaction before this runs.
// @param id
// @param fields
// @param hostId
// @param replaceMethods
// @param methodIds
MATCH (j:Project {id: $id})
SET j.title = $fields.title, j.aim = $fields.aim, j.status = $fields.status, j.startDate = date($fields.startDate),
    j.endDate = date($fields.endDate), j.outcomeSummary = $fields.outcomeSummary
WITH j
CALL (j) {
  MATCH (j)-[r:HOSTED_BY]->(:Organisation)
  DELETE r
}
CALL (j) {
  MATCH (o:Organisation {id: $hostId})
  CREATE (j)-[:HOSTED_BY]->(o)
}
CALL (j) {
  MATCH (j)-[r:USED_METHOD]->(:Skill)
  WHERE $replaceMethods
  DELETE r
}
CALL (j) {
  UNWIND (CASE WHEN $replaceMethods THEN $methodIds ELSE [] END) AS methodId
  MATCH (s:Skill {id: methodId})
  CREATE (j)-[:USED_METHOD]->(s)
}
RETURN CASE WHEN $replaceMethods THEN [(p:Person)-[:CONTRIBUTED_TO]->(j) | p.id] ELSE [] END AS contributors
