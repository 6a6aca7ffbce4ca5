// Records the project an accepted invitation led to; an invitation is linked once (the store refuses a second link).
// @param id
// @param projectId
MATCH (v:Invitation {id: $id})
MATCH (j:Project {id: $projectId})
WHERE NOT EXISTS { (v)-[:LED_TO]->(:Project) }
CREATE (v)-[:LED_TO]->(j)
