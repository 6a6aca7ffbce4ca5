-- Migration 7: joining a project needs consent (issue 17). A contribution someone claims on a project (kind REQUEST: its
-- leads decide, or a network manager where it has none), or that a lead makes for someone else (kind ADDITION: that
-- person confirms), waits here until the other side agrees, and only then becomes a contributed_to row. Nothing that
-- reads contributed_to (contributor lists, the collaboration graph, paths, brokers, ranking evidence, the change feed)
-- sees a pending one. Every contributed_to row already here was agreed before this rule, and stays as it is.
-- Nobody waits to become a lead: the lead role is handed over, or given by a network manager, never asked for.
CREATE TABLE join_request (
    person_pk    INTEGER NOT NULL REFERENCES person(pk),
    project_pk   INTEGER NOT NULL REFERENCES project(pk),
    kind         TEXT NOT NULL CHECK (kind IN ('REQUEST','ADDITION')),
    role         TEXT NOT NULL CHECK (role IN ('MEMBER','SPONSOR','COACH','ADVISOR')),
    from_date    TEXT,
    to_date      TEXT,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (person_pk, project_pk)
) WITHOUT ROWID;
CREATE INDEX join_request_by_project ON join_request(project_pk, person_pk);

-- Notifications about projects as well as invitations: invitation_id becomes optional, project_id names the project a
-- notice is about, and about_person_id the person whose name it carries to someone else (erasing that person removes
-- it). SQLite cannot drop a NOT NULL, so the table is rebuilt with its rows, claims and indexes as they were.
CREATE TABLE outbox_message_new (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    invitation_id   TEXT,
    project_id      TEXT,
    about_person_id TEXT,
    recipient_id    TEXT NOT NULL,
    recipient_email TEXT,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until   TEXT,
    sent_at         TEXT,
    last_error      TEXT,
    gave_up         INTEGER NOT NULL DEFAULT 0 CHECK (gave_up IN (0, 1)),
    claim_token     TEXT,
    CHECK (invitation_id IS NOT NULL OR project_id IS NOT NULL)
);
INSERT INTO outbox_message_new (pk, id, kind, invitation_id, recipient_id, recipient_email, subject, body, created_at, attempts, next_attempt_at,
                                claimed_until, sent_at, last_error, gave_up, claim_token)
SELECT pk, id, kind, invitation_id, recipient_id, recipient_email, subject, body, created_at, attempts, next_attempt_at,
       claimed_until, sent_at, last_error, gave_up, claim_token
FROM outbox_message;
DROP TABLE outbox_message;
ALTER TABLE outbox_message_new RENAME TO outbox_message;
CREATE INDEX outbox_due ON outbox_message(next_attempt_at) WHERE sent_at IS NULL AND gave_up = 0;
CREATE INDEX outbox_by_recipient ON outbox_message(recipient_id, pk);
CREATE INDEX outbox_about_person ON outbox_message(about_person_id) WHERE about_person_id IS NOT NULL;
