// A batch of places, each in its ICS.
// @param rows
// @key icsId
UNWIND $rows AS row
MATCH (i:IntegratedCareSystem {id: row.icsId})
CREATE (:Place {id: row.id, name: row.name})-[:IN]->(i)
