// ICSs by id, with the ICS each merged into (if any).
// @param ids
MATCH (i:IntegratedCareSystem)
WHERE i.id IN $ids
OPTIONAL MATCH (i)-[:SUCCEEDED_BY]->(s:IntegratedCareSystem)
RETURN i.id AS id, i.odsCode AS odsCode, i.name AS name, i.nhsRegion AS nhsRegion, i.validFrom AS validFrom, i.validTo AS validTo, s.id AS successorId
