// Invitations still SENT whose respondBy has passed: the sweeper records them as EXPIRED.
// @param now
MATCH (v:Invitation)
WHERE v.status = 'SENT' AND v.respondBy <= datetime($now)
RETURN v.id AS id
