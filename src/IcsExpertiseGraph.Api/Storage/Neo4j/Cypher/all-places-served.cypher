// Every (organisation, place it serves) pair.
MATCH (o:Organisation)-[:SERVES]->(p:Place)
RETURN o.id AS organisationId, p.id AS placeId
