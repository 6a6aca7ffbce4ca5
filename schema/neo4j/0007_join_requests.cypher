// Joining a project needs consent: a contribution waiting for it is (:Person)-[:PENDING_CONTRIBUTION {kind, role, from,
// to, requestedAt}]->(:Project), a relationship type of its own, so everything that reads CONTRIBUTED_TO (contributors,
// collaboration links, paths, brokers, ranking evidence) never sees it; every CONTRIBUTED_TO already in the graph was
// agreed before this rule and stays as it is. Network managers list the requests of every project (kind REQUEST) by this
// index; erasing a person removes the notifications naming them to others by the second.
CREATE INDEX pending_contribution_kind IF NOT EXISTS FOR ()-[r:PENDING_CONTRIBUTION]-() ON (r.kind);
CREATE INDEX outbox_about_person IF NOT EXISTS FOR (m:OutboxMessage) ON (m.aboutPersonId);
