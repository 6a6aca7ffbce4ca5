// The store's change sequence (bumped by every committed write that changed something the read models hold; read
// models poll it) and the newest sequence whose feed entries were pruned.
MATCH (c:ChangeSequence {id: 1})
RETURN c.value AS value, coalesce(c.prunedThrough, 0) AS prunedThrough
