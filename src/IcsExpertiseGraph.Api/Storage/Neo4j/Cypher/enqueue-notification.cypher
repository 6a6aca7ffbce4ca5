// Puts a notification in the outbox, in the transaction of the change it reports; due at once. It is about an invitation
// or a project; aboutPersonId names the person whose name it carries to someone else (erasing them removes it).
// @param id
// @param kind
// @param invitationId
// @param projectId
// @param aboutPersonId
// @param recipientId
// @param recipientEmail
// @param subject
// @param body
// @param now
CREATE (:OutboxMessage {id: $id, kind: $kind, invitationId: $invitationId, projectId: $projectId, aboutPersonId: $aboutPersonId,
                        recipientId: $recipientId, recipientEmail: $recipientEmail,
                        subject: $subject, body: $body, createdAt: datetime($now), attempts: 0, nextAttemptAt: datetime($now), gaveUp: false})
