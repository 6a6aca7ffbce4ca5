// Changes an organisation; an ODS code or ICS left out of the request stays as it is.
// @param id
// @param odsCode
// @param name
// @param type
// @param icsId
MATCH (o:Organisation {id: $id})
SET o.odsCode = coalesce($odsCode, o.odsCode), o.odsCodeKey = toUpper(coalesce($odsCode, o.odsCode)), o.name = $name, o.type = $type
WITH o
CALL (o) {
  MATCH (o)-[r:PART_OF]->(:IntegratedCareSystem)
  WHERE $icsId IS NOT NULL
  DELETE r
}
CALL (o) {
  MATCH (i:IntegratedCareSystem {id: $icsId})
  CREATE (o)-[:PART_OF]->(i)
}
