// The store's change sequence: bumped by every committed write; read models poll it.
MATCH (c:ChangeSequence {id: 1})
RETURN c.value AS value
