// Removes the feed's entries up to a sequence and raises the pruning mark to it (never lowers it: instances may prune
// at once, in either order). Runs after begin-write, under the write lock.
// @param through
MATCH (c:ChangeSequence {id: 1})
SET c.prunedThrough = CASE WHEN coalesce(c.prunedThrough, 0) > $through THEN c.prunedThrough ELSE $through END
WITH c
OPTIONAL MATCH (ch:Change)
WHERE ch.sequence <= $through
DELETE ch
RETURN count(ch) AS removed
