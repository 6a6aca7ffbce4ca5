// A page of projects by title, filtered by status, host, method and words (each filter off when empty; every word, in
// lower case, in the title or the host organisation's name) and, with $withoutLead, to those with no lead the viewer may
// see (a lead hidden from them counts as none), with the total: always exactly one row, so an empty page still reports
// the total.
// @param offset
// @param limit
// @param statuses
// @param hostIds
// @param methodIds
// @param words
// @param withoutLead
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
MATCH (j:Project)
WHERE (size($statuses) = 0 OR j.status IN $statuses)
  AND (size($hostIds) = 0 OR EXISTS { (j)-[:HOSTED_BY]->(o:Organisation) WHERE o.id IN $hostIds })
  AND (size($methodIds) = 0 OR EXISTS { (j)-[:USED_METHOD]->(s:Skill) WHERE s.id IN $methodIds })
  AND all(word IN $words WHERE toLower(j.title) CONTAINS word
                            OR EXISTS { (j)-[:HOSTED_BY]->(h:Organisation) WHERE toLower(h.name) CONTAINS word })
  AND (NOT $withoutLead OR NOT EXISTS {
        (p:Person)-[:CONTRIBUTED_TO {role: 'LEAD'}]->(j)
        WHERE p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin
      })
WITH j ORDER BY toLower(j.title), j.id
WITH collect(j) AS matching
RETURN size(matching) AS total,
       [j IN matching[$offset..($offset + $limit)] |
        j {.id, .title, .aim, .status, .startDate, .endDate, .outcomeSummary, hostOrganisationId: head([(j)-[:HOSTED_BY]->(o:Organisation) | o.id])}] AS page
