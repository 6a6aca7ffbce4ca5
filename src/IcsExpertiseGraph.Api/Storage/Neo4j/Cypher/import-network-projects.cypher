// A batch of projects, each hosted by its organisation when it has one.
// @param rows
// @key hostId
UNWIND $rows AS row
CREATE (j:Project {id: row.id, title: row.title, aim: row.aim, status: row.status, startDate: date(row.startDate),
                   endDate: date(row.endDate), outcomeSummary: row.outcomeSummary})
WITH j, row
CALL (j, row) {
  MATCH (o:Organisation {id: row.hostId})
  CREATE (j)-[:HOSTED_BY]->(o)
}
