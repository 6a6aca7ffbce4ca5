-- Migration 4: each claim of the outbox carries a token; only that claim may release its messages, so a sender whose
-- claim lapsed (and was taken by another sender) cannot undo the other's claim.
ALTER TABLE outbox_message ADD COLUMN claim_token TEXT;
