// One batch of a bulk import (rows in order), matched to existing profiles by email. A new person gets the row's
// visibility; an existing one keeps theirs, and their headline and bio change only when the row gives them. A current
// employment at the row's organisation is added once (the first current one is primary). Reports, per row, whether the
// person was created, updated or left unchanged. Organisation codes were checked before this runs.
// @param rows
// @param now
// @param today
UNWIND $rows AS row
OPTIONAL MATCH (found:Person {emailKey: toLower(row.email)})
WITH row, found,
     found IS NOT NULL AND (found.displayName <> row.displayName
       OR coalesce(row.headline, found.headline, '') <> coalesce(found.headline, '')
       OR coalesce(row.bio, found.bio, '') <> coalesce(found.bio, '')) AS changesProfile
MERGE (p:Person {emailKey: toLower(row.email)})
ON CREATE SET p.id = row.id, p.displayName = row.displayName, p.headline = row.headline, p.bio = row.bio, p.email = row.email,
              p.visibility = row.visibility, p.availabilityStatus = 'NOT_AVAILABLE', p.openToCrossOrganisation = false, p.version = 1,
              p.createdAt = datetime($now), p.updatedAt = datetime($now), p.skillText = ''
FOREACH (_ IN CASE WHEN changesProfile THEN [1] ELSE [] END |
  SET p.displayName = row.displayName, p.headline = coalesce(row.headline, p.headline), p.bio = coalesce(row.bio, p.bio),
      p.version = p.version + 1, p.updatedAt = datetime($now))
WITH row, found, changesProfile, p
CALL (row, p) {
  MATCH (o:Organisation {odsCodeKey: toUpper(row.odsCode)})
  WHERE NOT EXISTS { (p)-[w:WORKS_AT]->(o) WHERE w.until IS NULL }
  CREATE (p)-[:WORKS_AT {role: row.role, since: date($today),
                         primary: NOT EXISTS { (p)-[w:WORKS_AT]->(:Organisation) WHERE w.until IS NULL AND w.primary }}]->(o)
  RETURN count(*) AS employed
}
RETURN row.index AS index, p.id AS id,
       CASE WHEN found IS NULL THEN 'CREATED' WHEN changesProfile OR employed > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS outcome
