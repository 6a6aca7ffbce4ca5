// The change feed after a sequence, up to one the caller read (never past it: a write committing meanwhile waits for
// the next read), oldest first and in each write's own order, at most limit entries.
// @param after
// @param through
// @param limit
MATCH (ch:Change)
WHERE ch.sequence > $after AND ch.sequence <= $through
RETURN ch.sequence AS sequence, ch.kind AS kind, ch.id AS id
ORDER BY sequence, ch.position
LIMIT $limit
