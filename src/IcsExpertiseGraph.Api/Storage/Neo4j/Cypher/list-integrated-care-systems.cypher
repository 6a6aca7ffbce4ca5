// A page of ICSs by name, with the total (42 today: small enough to collect).
// @param offset
// @param limit
MATCH (i:IntegratedCareSystem)
OPTIONAL MATCH (i)-[:SUCCEEDED_BY]->(s:IntegratedCareSystem)
WITH i, s ORDER BY i.name, i.id
WITH collect({id: i.id, odsCode: i.odsCode, name: i.name, nhsRegion: i.nhsRegion, validFrom: i.validFrom, validTo: i.validTo, successorId: s.id}) AS everything
RETURN size(everything) AS total, everything[$offset..($offset + $limit)] AS page
