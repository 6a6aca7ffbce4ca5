// People's searchable text (name, headline, bio, and the names and aliases of their skills) for search candidates,
// with accents folded (Siân is found as sian, as search normalises queries); the first, unfolded index goes.
DROP INDEX person_text IF EXISTS;
CREATE FULLTEXT INDEX person_text_folded IF NOT EXISTS FOR (p:Person) ON EACH [p.displayName, p.headline, p.bio, p.skillText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// Lookups the reads filter and sort on.
CREATE INDEX person_visibility IF NOT EXISTS FOR (p:Person) ON (p.visibility);
CREATE INDEX person_display_name IF NOT EXISTS FOR (p:Person) ON (p.displayName);
CREATE INDEX organisation_name IF NOT EXISTS FOR (o:Organisation) ON (o.name);
CREATE INDEX organisation_type IF NOT EXISTS FOR (o:Organisation) ON (o.type);
CREATE INDEX project_title IF NOT EXISTS FOR (j:Project) ON (j.title);
CREATE INDEX audit_subject IF NOT EXISTS FOR (a:AuditEvent) ON (a.subjectId);
