// A page of projects by title, filtered by status, host, method and words (each filter off when empty; every word, in
// lower case, in the title or the host organisation's name), with the total: always exactly one row, so an empty page
// still reports the total.
// @param offset
// @param limit
// @param statuses
// @param hostIds
// @param methodIds
// @param words
MATCH (j:Project)
WHERE (size($statuses) = 0 OR j.status IN $statuses)
  AND (size($hostIds) = 0 OR EXISTS { (j)-[:HOSTED_BY]->(o:Organisation) WHERE o.id IN $hostIds })
  AND (size($methodIds) = 0 OR EXISTS { (j)-[:USED_METHOD]->(s:Skill) WHERE s.id IN $methodIds })
  AND all(word IN $words WHERE toLower(j.title) CONTAINS word
                            OR EXISTS { (j)-[:HOSTED_BY]->(h:Organisation) WHERE toLower(h.name) CONTAINS word })
WITH j ORDER BY toLower(j.title), j.id
WITH collect(j) AS matching
RETURN size(matching) AS total,
       [j IN matching[$offset..($offset + $limit)] |
        j {.id, .title, .aim, .status, .startDate, .endDate, .outcomeSummary, hostOrganisationId: head([(j)-[:HOSTED_BY]->(o:Organisation) | o.id])}] AS page
