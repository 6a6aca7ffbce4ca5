// Endorsements a person gave and received, for their data export; the other person is named only if their profile is not private.
// @param id
MATCH (p:Person {id: $id})-[e:ENDORSED]-(other:Person)
RETURN CASE WHEN startNode(e) = p THEN 'GIVEN' ELSE 'RECEIVED' END AS direction,
       CASE WHEN other.visibility IN ['PUBLIC', 'NETWORK'] THEN other.displayName END AS otherPerson,
       e.skillId AS skillId, e.at AS at
ORDER BY at
