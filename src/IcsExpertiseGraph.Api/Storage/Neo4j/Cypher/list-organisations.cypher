// A page of organisations by name, filtered by ICS, type and a name fragment (each filter off when empty), with the total:
// always exactly one row, so an empty page still reports the total.
// @param offset
// @param limit
// @param icsIds
// @param types
// @param name
MATCH (o:Organisation)
WHERE (size($icsIds) = 0 OR EXISTS { (o)-[:PART_OF]->(i:IntegratedCareSystem) WHERE i.id IN $icsIds })
  AND (size($types) = 0 OR o.type IN $types)
  AND ($name IS NULL OR toLower(o.name) CONTAINS toLower($name))
WITH o ORDER BY toLower(o.name), o.id
WITH collect(o) AS matching
RETURN size(matching) AS total,
       [o IN matching[$offset..($offset + $limit)] |
        o {.id, .odsCode, .name, .type, integratedCareSystemId: head([(o)-[:PART_OF]->(i:IntegratedCareSystem) | i.id])}] AS page
