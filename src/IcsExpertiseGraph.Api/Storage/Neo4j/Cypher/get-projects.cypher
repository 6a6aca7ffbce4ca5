// Projects by id, with their host organisation.
// @param ids
MATCH (j:Project)
WHERE j.id IN $ids
OPTIONAL MATCH (j)-[:HOSTED_BY]->(o:Organisation)
RETURN j.id AS id, j.title AS title, j.aim AS aim, j.status AS status, j.startDate AS startDate, j.endDate AS endDate,
       j.outcomeSummary AS outcomeSummary, o.id AS hostOrganisationId
