// The last statement of a write that changed something the read models hold: bumps the change sequence (whose lock
// begin-write took) and records each change under the new sequence as a (:Change) node, in the write's own
// transaction, so the feed holds exactly the committed writes. position keeps the order the write noted them in.
// @param changes
MATCH (c:ChangeSequence {id: 1})
SET c.value = c.value + 1
WITH c
UNWIND range(0, size($changes) - 1) AS position
CREATE (:Change {sequence: c.value, position: position, kind: $changes[position].kind, id: $changes[position].id})
WITH c, count(*) AS recorded
RETURN c.value AS value, recorded
