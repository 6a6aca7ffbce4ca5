// The recorded network managers, with whether they are admins (who may see every lead), for telling them of requests on
// projects without a lead they can see.
MATCH (m:Person:NetworkManager)
RETURN m.id AS id, coalesce(m.managerIsAdmin, false) AS admin
ORDER BY id
