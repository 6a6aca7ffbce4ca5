-- Migration 5: the change feed. Every write transaction that changes what the read models hold appends what it changed
-- (one row per entity, all with the transaction's new change sequence) in the same transaction, so every instance on
-- this store can apply exactly those changes to its read models instead of rebuilding them. Old rows are pruned;
-- pruned_through records the newest sequence pruned, so an instance that fell further behind knows to rebuild whole.
CREATE TABLE change_log (
    sequence INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL
);
CREATE INDEX change_log_sequence ON change_log (sequence);
ALTER TABLE change_sequence ADD COLUMN pruned_through INTEGER NOT NULL DEFAULT 0;
