-- IcsExpertiseGraph embedded store, migration 1: the expertise graph.
-- Nodes are tables with a compact integer key (pk) for joins and a public UUID (id).
-- Relationships are link tables named after the graph relationship they hold.
-- Enum values are stored as their GraphQL names so the file reads like the API.

CREATE TABLE integrated_care_system (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    ods_code     TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    nhs_region   TEXT NOT NULL,
    valid_from   TEXT,
    valid_to     TEXT,
    successor_pk INTEGER REFERENCES integrated_care_system(pk)
);

-- (Place)-[:IN]->(IntegratedCareSystem)
CREATE TABLE place (
    pk     INTEGER PRIMARY KEY,
    id     TEXT NOT NULL UNIQUE,
    ics_pk INTEGER NOT NULL REFERENCES integrated_care_system(pk),
    name   TEXT NOT NULL
);
CREATE INDEX place_by_ics ON place(ics_pk);

-- (Organisation)-[:PART_OF]->(IntegratedCareSystem) is ics_pk.
CREATE TABLE organisation (
    pk       INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    ods_code TEXT UNIQUE,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('INTEGRATED_CARE_BOARD','ACUTE_TRUST','COMMUNITY_TRUST','MENTAL_HEALTH_TRUST',
                 'AMBULANCE_TRUST','PRIMARY_CARE_NETWORK','GP_PRACTICE','LOCAL_AUTHORITY','VCSE','ACADEMIC',
                 'COMMISSIONING_SUPPORT','OTHER')),
    ics_pk   INTEGER REFERENCES integrated_care_system(pk)
);
CREATE INDEX organisation_by_ics ON organisation(ics_pk, type);
CREATE INDEX organisation_by_name ON organisation(name COLLATE NOCASE);

-- (Organisation)-[:SERVES]->(Place)
CREATE TABLE organisation_serves_place (
    organisation_pk INTEGER NOT NULL REFERENCES organisation(pk),
    place_pk        INTEGER NOT NULL REFERENCES place(pk),
    PRIMARY KEY (organisation_pk, place_pk)
) WITHOUT ROWID;
CREATE INDEX organisation_serves_place_by_place ON organisation_serves_place(place_pk, organisation_pk);

-- (Skill)-[:BROADER]->(Skill) is broader_pk.
CREATE TABLE skill (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT,
    domain      TEXT NOT NULL CHECK (domain IN ('QUALITY_PLANNING','QUALITY_IMPROVEMENT','QUALITY_CONTROL',
                    'QUALITY_ASSURANCE','SYSTEMS_THINKING','IMPROVEMENT_ENABLERS')),
    broader_pk  INTEGER REFERENCES skill(pk)
);

CREATE TABLE skill_alias (
    skill_pk INTEGER NOT NULL REFERENCES skill(pk),
    alias    TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (skill_pk, alias)
) WITHOUT ROWID;

CREATE TABLE person (
    pk                  INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    headline            TEXT,
    bio                 TEXT,
    email               TEXT,
    orcid               TEXT,
    visibility          TEXT NOT NULL CHECK (visibility IN ('PUBLIC','NETWORK','PRIVATE')),
    availability_status TEXT NOT NULL CHECK (availability_status IN ('OPEN','LIMITED','NOT_AVAILABLE')),
    hours_per_month     INTEGER CHECK (hours_per_month IS NULL OR hours_per_month BETWEEN 0 AND 744),
    open_to_cross_organisation INTEGER NOT NULL DEFAULT 0 CHECK (open_to_cross_organisation IN (0, 1)),
    availability_terms  TEXT,
    last_confirmed_at   TEXT,
    external_id         TEXT UNIQUE,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX person_by_name ON person(display_name COLLATE NOCASE, id);
CREATE UNIQUE INDEX person_by_email ON person(email COLLATE NOCASE) WHERE email IS NOT NULL;

-- (Person)-[:WORKS_AT {role, since, until, primary}]->(Organisation)
CREATE TABLE works_at (
    pk              INTEGER PRIMARY KEY,
    person_pk       INTEGER NOT NULL REFERENCES person(pk),
    organisation_pk INTEGER NOT NULL REFERENCES organisation(pk),
    role            TEXT,
    since           TEXT,
    until           TEXT,
    is_primary      INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
);
CREATE INDEX works_at_by_person ON works_at(person_pk);
CREATE INDEX works_at_by_organisation ON works_at(organisation_pk, person_pk);

-- (Person)-[:HAS_SKILL {level, evidence, years, verified, since}]->(Skill); levels are ordinal 1..4.
CREATE TABLE has_skill (
    person_pk INTEGER NOT NULL REFERENCES person(pk),
    skill_pk  INTEGER NOT NULL REFERENCES skill(pk),
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    evidence  TEXT CHECK (evidence IS NULL OR evidence IN ('TRAINING','PROJECT','CREDENTIAL','PUBLICATION')),
    years     INTEGER CHECK (years IS NULL OR years BETWEEN 0 AND 60),
    verified  INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    since     TEXT,
    PRIMARY KEY (person_pk, skill_pk)
) WITHOUT ROWID;
CREATE INDEX has_skill_by_skill ON has_skill(skill_pk, level, person_pk);

CREATE TABLE project (
    pk                   INTEGER PRIMARY KEY,
    id                   TEXT NOT NULL UNIQUE,
    title                TEXT NOT NULL,
    aim                  TEXT,
    status               TEXT NOT NULL CHECK (status IN ('PLANNED','ACTIVE','COMPLETED','PAUSED')),
    start_date           TEXT,
    end_date             TEXT,
    outcome_summary      TEXT,
    host_organisation_pk INTEGER REFERENCES organisation(pk)  -- (Project)-[:HOSTED_BY]->(Organisation)
);
CREATE INDEX project_by_host ON project(host_organisation_pk);
CREATE INDEX project_by_title ON project(title COLLATE NOCASE, id);

-- (Project)-[:USED_METHOD]->(Skill)
CREATE TABLE used_method (
    project_pk INTEGER NOT NULL REFERENCES project(pk),
    skill_pk   INTEGER NOT NULL REFERENCES skill(pk),
    PRIMARY KEY (project_pk, skill_pk)
) WITHOUT ROWID;
CREATE INDEX used_method_by_skill ON used_method(skill_pk, project_pk);

-- (Person)-[:CONTRIBUTED_TO {role, from, to}]->(Project)
CREATE TABLE contributed_to (
    person_pk  INTEGER NOT NULL REFERENCES person(pk),
    project_pk INTEGER NOT NULL REFERENCES project(pk),
    role       TEXT NOT NULL CHECK (role IN ('LEAD','MEMBER','SPONSOR','COACH','ADVISOR')),
    from_date  TEXT,
    to_date    TEXT,
    PRIMARY KEY (person_pk, project_pk)
) WITHOUT ROWID;
CREATE INDEX contributed_to_by_project ON contributed_to(project_pk, person_pk);

-- (Person)-[:ENDORSED {skillId, at}]->(Person)
CREATE TABLE endorsed (
    endorser_pk INTEGER NOT NULL REFERENCES person(pk),
    endorsee_pk INTEGER NOT NULL REFERENCES person(pk),
    skill_pk    INTEGER NOT NULL REFERENCES skill(pk),
    at          TEXT NOT NULL,
    PRIMARY KEY (endorser_pk, endorsee_pk, skill_pk),
    CHECK (endorser_pk <> endorsee_pk)
) WITHOUT ROWID;
CREATE INDEX endorsed_by_endorsee ON endorsed(endorsee_pk, skill_pk);

-- One row: bumped by every committed write (read models and other instances poll it).
CREATE TABLE change_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

-- People's searchable text; rowid = person.pk. Kept in step by the store inside each write transaction.
-- skills holds the names and aliases of the person's skills.
CREATE VIRTUAL TABLE person_text USING fts5(
    display_name, headline, bio, skills,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
