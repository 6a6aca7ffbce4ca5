// Organisations by id, with the ICS they are part of.
// @param ids
MATCH (o:Organisation)
WHERE o.id IN $ids
OPTIONAL MATCH (o)-[:PART_OF]->(i:IntegratedCareSystem)
RETURN o.id AS id, o.odsCode AS odsCode, o.name AS name, o.type AS type, i.id AS integratedCareSystemId
