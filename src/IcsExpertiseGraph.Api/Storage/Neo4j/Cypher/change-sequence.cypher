// The store's change sequence: bumped by every committed write; read models poll it.
MERGE (c:ChangeSequence {id: 1})
ON CREATE SET c.value = 0
RETURN c.value AS value
