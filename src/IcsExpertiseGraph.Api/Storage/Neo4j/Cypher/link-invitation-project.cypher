// Records the project an accepted invitation led to, replacing any earlier link.
// @param id
// @param projectId
MATCH (v:Invitation {id: $id})
MATCH (j:Project {id: $projectId})
CALL (v) {
  MATCH (v)-[old:LED_TO]->(:Project)
  DELETE old
}
CREATE (v)-[:LED_TO]->(j)
