// The notifications addressed to a person, newest first, delivered or not.
// @param recipientId
// @param limit
MATCH (m:OutboxMessage {recipientId: $recipientId})
RETURN m {.*} AS message
ORDER BY m.createdAt DESC, m.id DESC
LIMIT $limit
