// The first statement of every write transaction: bumping the change sequence takes the write lock on its node, so
// writes serialise as they do in the embedded store and every check a write makes holds until it commits.
MATCH (c:ChangeSequence {id: 1})
SET c.value = c.value + 1
RETURN c.value AS value
