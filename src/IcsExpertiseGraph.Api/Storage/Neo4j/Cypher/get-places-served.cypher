// The places each organisation serves.
// @param ids
MATCH (o:Organisation)-[:SERVES]->(p:Place)
WHERE o.id IN $ids
RETURN o.id AS organisationId, p.id AS placeId
ORDER BY organisationId, p.name
