// A batch of organisations, each part of its ICS when it has one.
// @param rows
// @key icsId
UNWIND $rows AS row
CREATE (o:Organisation {id: row.id, odsCode: row.odsCode, odsCodeKey: toUpper(row.odsCode), name: row.name, type: row.type})
WITH o, row
CALL (o, row) {
  MATCH (i:IntegratedCareSystem {id: row.icsId})
  CREATE (o)-[:PART_OF]->(i)
}
