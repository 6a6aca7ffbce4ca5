// The organisations a batch of changes names, as all-organisations returns them.
// @param ids
UNWIND $ids AS wantedId
MATCH (o:Organisation {id: wantedId})
OPTIONAL MATCH (o)-[:PART_OF]->(i:IntegratedCareSystem)
RETURN o.id AS id, o.odsCode AS odsCode, o.name AS name, o.type AS type, i.id AS integratedCareSystemId
