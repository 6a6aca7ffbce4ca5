// Claims due, unsent, unclaimed (or lapsed) messages for one sender and counts an attempt on each. The first SET takes
// the lock on the change-sequence node (without bumping the sequence: the graph does not change), so two senders
// claiming at once take turns and never claim the same message.
// @param now
// @param claimUntil
// @param max
// @param claimToken
MATCH (c:ChangeSequence {id: 1})
SET c.outboxClaims = coalesce(c.outboxClaims, 0) + 1
WITH c
MATCH (m:OutboxMessage)
WHERE m.sentAt IS NULL AND NOT m.gaveUp AND m.nextAttemptAt <= datetime($now) AND (m.claimedUntil IS NULL OR m.claimedUntil <= datetime($now))
WITH m
ORDER BY m.createdAt, m.id
LIMIT $max
SET m.claimedUntil = datetime($claimUntil), m.claimToken = $claimToken, m.attempts = m.attempts + 1
RETURN m {.*} AS message
