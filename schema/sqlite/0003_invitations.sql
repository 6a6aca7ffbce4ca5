-- Migration 3: invitations and the notification outbox.
-- An invitation names people, an ICS, skills and a project by their public ids (as the audit trail does), so erasure
-- and replacing imports remove them explicitly; status holds SENT until the invitee answers, the inviter withdraws,
-- or the sweeper records EXPIRED (readers treat a SENT invitation past respond_by as EXPIRED before that).
CREATE TABLE invitation (
    pk               INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    inviter_id       TEXT NOT NULL,
    invitee_id       TEXT NOT NULL,
    ics_id           TEXT NOT NULL,
    purpose          TEXT NOT NULL,
    skill_ids        TEXT NOT NULL,          -- JSON array of skill ids
    hours_requested  INTEGER NOT NULL CHECK (hours_requested > 0),
    message          TEXT,
    respond_by       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('SENT','ACCEPTED','DECLINED','WITHDRAWN','EXPIRED')),
    sent_at          TEXT NOT NULL,
    responded_at     TEXT,
    response_message TEXT,
    project_id       TEXT
);
CREATE INDEX invitation_by_inviter ON invitation(inviter_id, sent_at);
CREATE INDEX invitation_by_invitee ON invitation(invitee_id, sent_at);
CREATE INDEX invitation_by_system ON invitation(ics_id);
CREATE INDEX invitation_open ON invitation(status, respond_by) WHERE status = 'SENT';

-- The durable outbox: one row per notification, written in the transaction of the change it reports. A sender claims
-- a row (claimed_until), sends it with a Message-ID made from id, then sets sent_at; a failure makes it due again at
-- next_attempt_at, or gives it up. Rows stay after sending: they are the recipient's notifications.
CREATE TABLE outbox_message (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    invitation_id   TEXT NOT NULL,
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
    gave_up         INTEGER NOT NULL DEFAULT 0 CHECK (gave_up IN (0, 1))
);
CREATE INDEX outbox_due ON outbox_message(next_attempt_at) WHERE sent_at IS NULL AND gave_up = 0;
CREATE INDEX outbox_by_recipient ON outbox_message(recipient_id, pk);
