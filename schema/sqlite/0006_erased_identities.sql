-- Migration 6: erasure is final for the sign-in that asked for it. One row per identity-provider sign-in whose profile
-- was erased: only a SHA-256 hash of its object id (never the id itself, a name or an email) and when, the newest
-- erasure. Tokens issued before erased_at are refused, and that sign-in gets no profile again until it asks for one
-- (createMyProfile); nothing here says who the person was.
CREATE TABLE erased_identity (
    identity_hash TEXT PRIMARY KEY,
    erased_at     TEXT NOT NULL
) WITHOUT ROWID;
