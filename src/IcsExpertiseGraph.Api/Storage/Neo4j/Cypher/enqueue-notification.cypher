// Puts a notification in the outbox, in the transaction of the change it reports; due at once.
// @param id
// @param kind
// @param invitationId
// @param recipientId
// @param recipientEmail
// @param subject
// @param body
// @param now
CREATE (:OutboxMessage {id: $id, kind: $kind, invitationId: $invitationId, recipientId: $recipientId, recipientEmail: $recipientEmail,
                        subject: $subject, body: $body, createdAt: datetime($now), attempts: 0, nextAttemptAt: datetime($now), gaveUp: false})
