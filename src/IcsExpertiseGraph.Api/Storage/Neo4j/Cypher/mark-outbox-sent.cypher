// The SMTP server accepted the message: never send it again.
// @param id
// @param now
MATCH (m:OutboxMessage {id: $id})
SET m.sentAt = datetime($now), m.claimedUntil = null, m.lastError = null
