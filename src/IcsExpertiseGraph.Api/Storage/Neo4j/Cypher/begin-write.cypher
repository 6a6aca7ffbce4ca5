// The first statement of every write transaction: it takes the write lock on the change-sequence node (by counting
// the write, not by bumping the sequence), so writes serialise as they do in the embedded store and every check a
// write makes holds until it commits. The sequence moves on only when the write changed something the read models
// hold: its last statement, record-changes, bumps it and records what changed, in this same transaction.
MATCH (c:ChangeSequence {id: 1})
SET c.writes = coalesce(c.writes, 0) + 1
RETURN c.value AS value
