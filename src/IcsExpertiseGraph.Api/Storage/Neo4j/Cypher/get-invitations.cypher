// Invitations by id, with the people at both ends, the ICS and the project they led to.
// @param ids
MATCH (inviter:Person)-[:SENT_INVITATION]->(v:Invitation)-[:INVITES]->(invitee:Person)
WHERE v.id IN $ids
MATCH (v)-[:FOR_SYSTEM]->(ics:IntegratedCareSystem)
OPTIONAL MATCH (v)-[:LED_TO]->(j:Project)
RETURN v {.*, inviterId: inviter.id, inviteeId: invitee.id, icsId: ics.id, projectId: j.id} AS invitation
