// The change feed: each write's transaction records what it changed as (:Change {sequence, position, kind, id}) nodes
// (record-changes); instances read them after a sequence and prune them up to one, both by this index. The pruning
// mark is the change-sequence node's prunedThrough (absent until the first prune: read as 0).
CREATE INDEX change_sequence IF NOT EXISTS FOR (ch:Change) ON (ch.sequence);
