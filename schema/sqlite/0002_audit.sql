-- Migration 2: the audit trail. Every mutation records who, when, what changed (before and after, as JSON).
-- subject_id is the person (or project, organisation) changed; actor_id is who did it (null for the system).
-- Rows are never updated; a deleted person's rows keep no personal data (see the deletion mutation).
CREATE TABLE audit_event (
    pk           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     TEXT,
    action       TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    before       TEXT,
    after        TEXT
);
CREATE INDEX audit_event_by_subject ON audit_event(subject_id, pk);
CREATE INDEX audit_event_by_actor ON audit_event(actor_id, pk);
