// Uniqueness for every id and natural key, so MERGE and lookups by id are safe and indexed.
// Applied idempotently (IF NOT EXISTS) at start and by the migrate verb. Emails and ODS codes are unique and matched
// case-insensitively through keys kept beside them (emailKey lower-cased, odsCodeKey upper-cased).
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT person_email_key IF NOT EXISTS FOR (p:Person) REQUIRE p.emailKey IS UNIQUE;
CREATE CONSTRAINT person_external_id IF NOT EXISTS FOR (p:Person) REQUIRE p.externalId IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (o:Organisation) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT organisation_ods_code_key IF NOT EXISTS FOR (o:Organisation) REQUIRE o.odsCodeKey IS UNIQUE;
CREATE CONSTRAINT ics_id IF NOT EXISTS FOR (i:IntegratedCareSystem) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT ics_ods_code IF NOT EXISTS FOR (i:IntegratedCareSystem) REQUIRE i.odsCode IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (p:Place) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (s:Skill) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT skill_key IF NOT EXISTS FOR (s:Skill) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (j:Project) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (a:AuditEvent) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT change_sequence_id IF NOT EXISTS FOR (c:ChangeSequence) REQUIRE c.id IS UNIQUE;
