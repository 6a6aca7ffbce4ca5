// An attempt failed: release the claim, due again at retryAt, or given up when there is none.
// @param id
// @param error
// @param retryAt
MATCH (m:OutboxMessage {id: $id})
WHERE m.sentAt IS NULL
SET m.claimedUntil = null, m.lastError = $error, m.nextAttemptAt = coalesce(datetime($retryAt), m.nextAttemptAt), m.gaveUp = $retryAt IS NULL
