// The places served by the organisations a batch of changes names.
// @param ids
UNWIND $ids AS wantedId
MATCH (o:Organisation {id: wantedId})-[:SERVES]->(p:Place)
RETURN o.id AS organisationId, p.id AS placeId
