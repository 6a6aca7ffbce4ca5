// Search candidates: people whose text matches the full-text query (Lucene syntax built from normalised terms, with
// every special character escaped), or who hold one of the concept skills, or everyone when the search names neither;
// then the viewer's visibility and the filters (OR within a facet, AND across facets). Each candidate comes with what
// the ranker scores: all holdings (with endorsements and projects that used the skill) and current employers, primary first.
// @param textQuery
// @param conceptIds
// @param everyone
// @param skillIds
// @param minLevel
// @param levelOnly
// @param domains
// @param icsIds
// @param placeIds
// @param orgTypes
// @param availableOnly
// @param openToCrossOrganisation
// @param today
// @param viewerMember
// @param viewerSelf
// @param viewerAdmin
CALL () {
  UNWIND (CASE WHEN $textQuery IS NULL THEN [] ELSE [$textQuery] END) AS query
  CALL db.index.fulltext.queryNodes('person_text_folded', query) YIELD node, score
  RETURN node AS p, score
  UNION ALL
  MATCH (p:Person)-[:HAS_SKILL]->(s:Skill)
  WHERE s.id IN $conceptIds
  RETURN DISTINCT p, 0.0 AS score
  UNION ALL
  MATCH (p:Person)
  WHERE $everyone
  RETURN p, 0.0 AS score
}
WITH p, max(score) AS score
WHERE (p.visibility = 'PUBLIC' OR ($viewerMember AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin)
  AND (size($skillIds) = 0 OR EXISTS { (p)-[h:HAS_SKILL]->(s:Skill) WHERE h.level >= $minLevel AND s.id IN $skillIds })
  AND (size($domains) = 0 OR EXISTS { (p)-[h:HAS_SKILL]->(s:Skill) WHERE h.level >= $minLevel AND s.domain IN $domains })
  AND (NOT $levelOnly OR EXISTS { (p)-[h:HAS_SKILL]->(s:Skill) WHERE h.level >= $minLevel AND (size($conceptIds) = 0 OR s.id IN $conceptIds) })
  AND (size($icsIds) + size($placeIds) + size($orgTypes) = 0 OR EXISTS {
        MATCH (p)-[w:WORKS_AT]->(o:Organisation)
        WHERE (w.until IS NULL OR w.until >= date($today))
          AND (size($icsIds) = 0 OR EXISTS { (o)-[:PART_OF]->(i:IntegratedCareSystem) WHERE i.id IN $icsIds })
          AND (size($orgTypes) = 0 OR o.type IN $orgTypes)
          AND (size($placeIds) = 0 OR EXISTS { (o)-[:SERVES]->(pl:Place) WHERE pl.id IN $placeIds })
      })
  AND (NOT $availableOnly OR p.availabilityStatus <> 'NOT_AVAILABLE')
  AND ($openToCrossOrganisation IS NULL OR p.openToCrossOrganisation = $openToCrossOrganisation)
RETURN p.id AS id, score, p.lastConfirmedAt AS lastConfirmedAt, p.availabilityStatus AS availabilityStatus,
       p.openToCrossOrganisation AS openToCrossOrganisation,
       COLLECT {
         MATCH (p)-[w:WORKS_AT]->(o:Organisation)
         WHERE w.until IS NULL OR w.until >= date($today)
         WITH o, w ORDER BY w.primary DESC, w.since IS NULL, w.since DESC, o.id
         RETURN o.id
       } AS organisationIds,
       COLLECT {
         MATCH (p)-[h:HAS_SKILL]->(s:Skill)
         RETURN {skillId: s.id, level: h.level, evidence: h.evidence, verified: h.verified,
                 endorsements: COUNT { (:Person)-[e:ENDORSED]->(p) WHERE e.skillId = s.id },
                 projectEvidence: COUNT { (p)-[:CONTRIBUTED_TO]->(:Project)-[:USED_METHOD]->(s) }}
       } AS skills
