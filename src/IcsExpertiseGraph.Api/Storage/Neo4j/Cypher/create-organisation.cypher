// A new organisation, part of an ICS if one is given (checked before this runs).
// @param id
// @param odsCode
// @param name
// @param type
// @param icsId
CREATE (o:Organisation {id: $id, odsCode: $odsCode, odsCodeKey: toUpper($odsCode), name: $name, type: $type})
WITH o
CALL (o) {
  MATCH (i:IntegratedCareSystem {id: $icsId})
  CREATE (o)-[:PART_OF]->(i)
}
