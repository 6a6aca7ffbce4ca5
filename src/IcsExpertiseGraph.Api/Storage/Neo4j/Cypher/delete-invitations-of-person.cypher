// Erasure: invitations to and from the person carry their words and contacts; they go, with their notifications.
// @param id
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:SENT_INVITATION|INVITES]-(v:Invitation)
WITH p, collect(v.id) AS invitationIds, collect(v) AS invitations
CALL (p, invitationIds) {
  MATCH (m:OutboxMessage)
  WHERE m.recipientId = p.id OR m.invitationId IN invitationIds
  DETACH DELETE m
}
FOREACH (v IN invitations | DETACH DELETE v)
