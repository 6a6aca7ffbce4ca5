// A new project, hosted by an organisation (if given), with the methods it uses and its creator as LEAD.
// The ids were checked in the same transaction before this runs.
// @param id
// @param fields
// @param hostId
// @param methodIds
// @param creatorId
// @param from
CREATE (j:Project {id: $id, title: $fields.title, aim: $fields.aim, status: $fields.status, startDate: date($fields.startDate),
                   endDate: date($fields.endDate), outcomeSummary: $fields.outcomeSummary})
WITH j
CALL (j) {
  MATCH (o:Organisation {id: $hostId})
  CREATE (j)-[:HOSTED_BY]->(o)
}
CALL (j) {
  UNWIND $methodIds AS methodId
  MATCH (s:Skill {id: methodId})
  CREATE (j)-[:USED_METHOD]->(s)
}
MATCH (p:Person {id: $creatorId})
CREATE (p)-[:CONTRIBUTED_TO {role: 'LEAD', from: date($from)}]->(j)
