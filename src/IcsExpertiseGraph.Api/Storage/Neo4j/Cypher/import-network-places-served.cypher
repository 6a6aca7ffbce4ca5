// A batch of (organisation, place it serves) pairs.
// @param rows
// @key organisationId
// @key placeId
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisationId})
MATCH (p:Place {id: row.placeId})
CREATE (o)-[:SERVES]->(p)
