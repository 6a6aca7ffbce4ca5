// A person's invitations, sent or received, newest first.
// @param personId
// @param sent
// @param limit
MATCH (p:Person {id: $personId})
CALL (p) {
  MATCH (p)-[:SENT_INVITATION]->(v:Invitation)
  WHERE $sent
  RETURN v
  UNION
  MATCH (p)<-[:INVITES]-(v:Invitation)
  WHERE NOT $sent
  RETURN v
}
MATCH (inviter:Person)-[:SENT_INVITATION]->(v)-[:INVITES]->(invitee:Person)
MATCH (v)-[:FOR_SYSTEM]->(ics:IntegratedCareSystem)
OPTIONAL MATCH (v)-[:LED_TO]->(j:Project)
RETURN v {.*, inviterId: inviter.id, inviteeId: invitee.id, icsId: ics.id, projectId: j.id} AS invitation
ORDER BY v.sentAt DESC, v.id DESC
LIMIT $limit
