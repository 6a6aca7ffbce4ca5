// Every organisation, with the ICS it is part of.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:PART_OF]->(i:IntegratedCareSystem)
RETURN o.id AS id, o.odsCode AS odsCode, o.name AS name, o.type AS type, i.id AS integratedCareSystemId
