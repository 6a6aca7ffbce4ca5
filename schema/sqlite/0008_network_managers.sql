-- Migration 8: who to tell about requests on a project without a lead (issue 17). Network managers decide those, but the
-- role is a claim in the identity provider's token, not data here. One row per person whose latest sign-in carried the
-- role (admin: it came as Admin, which sees every lead); a sign-in without it deletes the row, and so does erasing the
-- person. Nothing else about the token is kept. Changes are audited (RECORD_NETWORK_MANAGER, DROP_NETWORK_MANAGER).
CREATE TABLE network_manager (
    person_pk   INTEGER PRIMARY KEY REFERENCES person(pk),
    admin       INTEGER NOT NULL CHECK (admin IN (0, 1)),
    recorded_at TEXT NOT NULL
);
