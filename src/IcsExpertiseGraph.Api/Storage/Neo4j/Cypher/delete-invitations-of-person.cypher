// Erasure: invitations to and from the person carry their words and contacts; they go, with their notifications, and
// so do notifications naming the person to others (asking to join a project). Their pending contributions go with the
// person node itself (delete-person).
// @param id
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:SENT_INVITATION|INVITES]-(v:Invitation)
WITH p, collect(v.id) AS invitationIds, collect(v) AS invitations
CALL (p, invitationIds) {
  MATCH (m:OutboxMessage)
  WHERE m.recipientId = p.id OR m.aboutPersonId = p.id OR m.invitationId IN invitationIds
  DETACH DELETE m
}
FOREACH (v IN invitations | DETACH DELETE v)
