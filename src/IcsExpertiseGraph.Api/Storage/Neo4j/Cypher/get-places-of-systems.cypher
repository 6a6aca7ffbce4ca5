// The places of each ICS.
// @param ids
MATCH (p:Place)-[:IN]->(i:IntegratedCareSystem)
WHERE i.id IN $ids
RETURN p.id AS id, p.name AS name, i.id AS integratedCareSystemId
ORDER BY integratedCareSystemId, name
