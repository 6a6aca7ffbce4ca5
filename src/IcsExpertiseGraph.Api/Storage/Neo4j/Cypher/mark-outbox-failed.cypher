// An attempt failed: release the claim, due again at retryAt, or given up when there is none. Only the claim that took
// the message (its token) may: a sender whose claim lapsed and was taken by another changes nothing.
// @param id
// @param claimToken
// @param error
// @param retryAt
MATCH (m:OutboxMessage {id: $id})
WHERE m.sentAt IS NULL AND m.claimToken = $claimToken
SET m.claimedUntil = null, m.claimToken = null, m.lastError = $error, m.nextAttemptAt = coalesce(datetime($retryAt), m.nextAttemptAt),
    m.gaveUp = $retryAt IS NULL
