// Every (person, project) contribution, grouped by project.
MATCH (p:Person)-[:CONTRIBUTED_TO]->(j:Project)
RETURN p.id AS personId, j.id AS projectId
ORDER BY projectId, personId
