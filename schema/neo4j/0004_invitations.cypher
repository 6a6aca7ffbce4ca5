// Invitations and the notification outbox: unique ids, and the lookups the sweeper, the sender and the me view make.
CREATE CONSTRAINT invitation_id IF NOT EXISTS FOR (v:Invitation) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT outbox_message_id IF NOT EXISTS FOR (m:OutboxMessage) REQUIRE m.id IS UNIQUE;
CREATE INDEX invitation_status IF NOT EXISTS FOR (v:Invitation) ON (v.status, v.respondBy);
CREATE INDEX outbox_due IF NOT EXISTS FOR (m:OutboxMessage) ON (m.nextAttemptAt);
CREATE INDEX outbox_recipient IF NOT EXISTS FOR (m:OutboxMessage) ON (m.recipientId);
