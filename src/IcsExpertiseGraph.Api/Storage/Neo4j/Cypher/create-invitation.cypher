// A new invitation between two people for design work in one ICS; the rules were checked in the same transaction.
// @param id
// @param inviterId
// @param inviteeId
// @param icsId
// @param purpose
// @param skillIds
// @param hoursRequested
// @param message
// @param respondBy
// @param now
MATCH (inviter:Person {id: $inviterId})
MATCH (invitee:Person {id: $inviteeId})
MATCH (ics:IntegratedCareSystem {id: $icsId})
CREATE (inviter)-[:SENT_INVITATION]->(v:Invitation {id: $id, purpose: $purpose, skillIds: $skillIds, hoursRequested: $hoursRequested,
                                                   message: $message, respondBy: datetime($respondBy), status: 'SENT', sentAt: datetime($now)})-[:INVITES]->(invitee)
CREATE (v)-[:FOR_SYSTEM]->(ics)
