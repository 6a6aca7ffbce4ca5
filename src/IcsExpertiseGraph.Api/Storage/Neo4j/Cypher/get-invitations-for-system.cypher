// Every invitation to design work for one ICS, oldest first, for the network managers' outcomes.
// @param icsId
MATCH (ics:IntegratedCareSystem {id: $icsId})<-[:FOR_SYSTEM]-(v:Invitation)
MATCH (inviter:Person)-[:SENT_INVITATION]->(v)-[:INVITES]->(invitee:Person)
OPTIONAL MATCH (v)-[:LED_TO]->(j:Project)
RETURN v {.*, inviterId: inviter.id, inviteeId: invitee.id, icsId: ics.id, projectId: j.id} AS invitation
ORDER BY v.sentAt, v.id
