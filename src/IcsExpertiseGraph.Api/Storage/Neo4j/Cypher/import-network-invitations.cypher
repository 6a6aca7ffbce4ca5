// A batch of invitations with their outcomes (an imported history, e.g. the demo's): the same shape create-invitation,
// set-invitation-status and link-invitation-project give a live one, written as it stands.
// @param rows
// @key inviterId
// @key inviteeId
// @key icsId
UNWIND $rows AS row
MATCH (inviter:Person {id: row.inviterId})
MATCH (invitee:Person {id: row.inviteeId})
MATCH (ics:IntegratedCareSystem {id: row.icsId})
CREATE (inviter)-[:SENT_INVITATION]->(v:Invitation {id: row.id, purpose: row.purpose, skillIds: row.skillIds, hoursRequested: row.hoursRequested,
                                                   message: row.message, respondBy: datetime(row.respondBy), status: row.status, sentAt: datetime(row.sentAt),
                                                   respondedAt: datetime(row.respondedAt), responseMessage: row.responseMessage})-[:INVITES]->(invitee)
CREATE (v)-[:FOR_SYSTEM]->(ics)
WITH v, row
OPTIONAL MATCH (j:Project {id: row.projectId})
FOREACH (project IN CASE WHEN j IS NULL THEN [] ELSE [j] END | CREATE (v)-[:LED_TO]->(project))
