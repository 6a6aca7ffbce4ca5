// Places by id, with their ICS.
// @param ids
MATCH (p:Place)-[:IN]->(i:IntegratedCareSystem)
WHERE p.id IN $ids
RETURN p.id AS id, p.name AS name, i.id AS integratedCareSystemId
