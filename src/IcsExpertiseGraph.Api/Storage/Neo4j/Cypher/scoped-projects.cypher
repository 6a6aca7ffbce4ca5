// Projects by id with the date each was last active, as all-projects returns them: a scope's projects are those it
// names and those its people contribute to (the adapter passes both).
// @param ids
UNWIND $ids AS wantedId
MATCH (j:Project {id: wantedId})
RETURN j.id AS id, coalesce(j.endDate, j.startDate) AS lastActive
