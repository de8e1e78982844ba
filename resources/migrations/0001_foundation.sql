-- Schema version 1: what a configurator sets up. Times of day are minutes since local
-- (Europe/Berlin) midnight; dates are ISO 8601 text; instants are Unix seconds UTC.
-- Statements are separated by a ';' at the end of a line (the migration runner splits there;
-- trigger bodies are kept whole between BEGIN and END;).

CREATE TABLE services (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('rapid_antigen', 'pcr', 'vaccine')),
    product TEXT NOT NULL DEFAULT '',
    doses INTEGER NOT NULL DEFAULT 1 CHECK (doses BETWEEN 1 AND 3),
    interval_min_days INTEGER NOT NULL DEFAULT 0 CHECK (interval_min_days >= 0),
    interval_max_days INTEGER NOT NULL DEFAULT 0 CHECK (interval_max_days >= interval_min_days)
);

INSERT INTO services (code, kind, product, doses, interval_min_days, interval_max_days) VALUES
    ('rapid_antigen', 'rapid_antigen', '', 1, 0, 0),
    ('pcr', 'pcr', '', 1, 0, 0),
    ('vaccine_comirnaty', 'vaccine', 'Comirnaty (BioNTech)', 2, 21, 42),
    ('vaccine_spikevax', 'vaccine', 'Spikevax (Moderna)', 2, 28, 42),
    ('vaccine_vaxzevria', 'vaccine', 'Vaxzevria (AstraZeneca)', 2, 28, 84),
    ('vaccine_jcovden', 'vaccine', 'Jcovden (Janssen)', 1, 0, 0),
    ('vaccine_nuvaxovid', 'vaccine', 'Nuvaxovid (Novavax)', 2, 21, 42);

CREATE TABLE centres (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- case- and space-folded name: the store refuses duplicates even if the UI check is skipped
    name_key TEXT NOT NULL UNIQUE,
    street TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL CHECK (length(postcode) = 5),
    city TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('test', 'vaccination')),
    slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    phone TEXT NOT NULL DEFAULT '',
    -- deactivation hides a centre from new releases; rows are never deleted once they have history
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE centre_services (
    centre_id INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    service_code TEXT NOT NULL REFERENCES services (code),
    PRIMARY KEY (centre_id, service_code)
);

-- A lane is one place where people are served at the same time; capacity is persons per slot.
CREATE TABLE lanes (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    -- NULL: the lane serves every service of the centre
    service_code TEXT REFERENCES services (code),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (centre_id, position)
);

CREATE TABLE opening_rules (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    kind TEXT NOT NULL CHECK (kind IN ('open', 'break')),
    CHECK (end_minute > start_minute)
);
CREATE INDEX opening_rules_by_centre ON opening_rules (centre_id, weekday);

CREATE TABLE closures (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    CHECK (last_day >= first_day)
);
CREATE INDEX closures_by_centre ON closures (centre_id, first_day);

-- One row per open interval of a day whose hours replace the weekly plan.
CREATE TABLE special_days (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (end_minute > start_minute)
);
CREATE INDEX special_days_by_centre ON special_days (centre_id, day);
