-- The situational picture: incidents (ACLED-coded), their verification and links, armed groups
-- and designations, the status of sites and route segments, indicator series. Keep in step with
-- ../sqlite/0003_situation.sql.

-- One row per version of an incident; the current version has superseded_us NULL. `n` orders
-- rows and keys the full-text index. `day` is event_date as days since 1900-01-01 (a Monday), so
-- date ranges and weeks (day / 7) are integer arithmetic on both backends. `digest` is the SHA-256 of the
-- version's body, so a re-imported row that did not change is recognised without reading it.
CREATE TABLE incidents (
    n BIGINT NOT NULL PRIMARY KEY,
    entry_seq BIGINT NOT NULL, id UUID NOT NULL, recorded_us BIGINT NOT NULL,
    superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL, digest BYTEA NOT NULL,
    event_id TEXT NOT NULL, event_date DATE NOT NULL, day BIGINT NOT NULL,
    time_precision BIGINT NOT NULL, disorder_type TEXT NOT NULL, event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL, actor1 TEXT NOT NULL, assoc_actor_1 TEXT NOT NULL,
    inter1 TEXT NOT NULL, actor2 TEXT NOT NULL, assoc_actor_2 TEXT NOT NULL, inter2 TEXT,
    civilian_targeting BOOLEAN NOT NULL, admin1 TEXT NOT NULL, admin1_code TEXT NOT NULL,
    admin2 TEXT NOT NULL, admin3 TEXT NOT NULL, location TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL, longitude DOUBLE PRECISION NOT NULL,
    geo_precision BIGINT NOT NULL, source TEXT NOT NULL, source_scale TEXT NOT NULL,
    notes TEXT NOT NULL, fatalities BIGINT NOT NULL, fatality_claims TEXT NOT NULL,
    tags TEXT NOT NULL, acled_timestamp BIGINT, status TEXT NOT NULL
);
CREATE UNIQUE INDEX incidents_current ON incidents (event_id) WHERE superseded_us IS NULL;
CREATE INDEX incidents_type_day ON incidents (event_type, day);
CREATE INDEX incidents_day ON incidents (day);

-- Search over the current versions' notes, places and actors ('simple': the notes mix English,
-- French and Creole, so no language's stemmer fits).
ALTER TABLE incidents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', notes || ' ' || location || ' ' || actor1 || ' ' || actor2)) STORED;
CREATE INDEX incidents_search ON incidents USING GIN (search);

-- Weekly counts of current, not retracted incidents, kept as incidents are recorded, so the
-- timeline does not scan every incident. week = day / 7 (weeks from Monday 1900-01-01).
CREATE TABLE incident_weeks (
    week BIGINT NOT NULL, event_type TEXT NOT NULL, admin1_code TEXT NOT NULL,
    class BIGINT NOT NULL, events BIGINT NOT NULL, fatalities BIGINT NOT NULL,
    PRIMARY KEY (week, event_type, admin1_code, class)
);

-- Verification status changes and links to the registers, by incident.
CREATE TABLE incident_status (
    entry_seq BIGINT NOT NULL PRIMARY KEY, id UUID NOT NULL, recorded_us BIGINT NOT NULL,
    class BIGINT NOT NULL, sources TEXT NOT NULL, event_id TEXT NOT NULL, status TEXT NOT NULL,
    reason TEXT NOT NULL, on_date DATE NOT NULL, actor TEXT NOT NULL
);
CREATE INDEX incident_status_event ON incident_status (event_id, entry_seq);
CREATE TABLE incident_links (
    entry_seq BIGINT NOT NULL PRIMARY KEY, id UUID NOT NULL, recorded_us BIGINT NOT NULL,
    class BIGINT NOT NULL, event_id TEXT NOT NULL, register TEXT NOT NULL, record UUID NOT NULL
);
CREATE INDEX incident_links_event ON incident_links (event_id);

-- Armed groups: one row per profile (a later `on` supersedes an earlier one), designations.
CREATE TABLE armed_groups (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id UUID NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    code TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL,
    member_of TEXT NOT NULL, leaders TEXT NOT NULL, areas TEXT NOT NULL, on_date DATE NOT NULL,
    acled_actor TEXT NOT NULL, note TEXT
);
CREATE INDEX armed_groups_code ON armed_groups (code);
CREATE TABLE designations (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id UUID NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    group_code TEXT NOT NULL, person TEXT, kind TEXT NOT NULL, authority TEXT NOT NULL,
    on_date DATE NOT NULL, reference TEXT NOT NULL, note TEXT
);

-- Status of key sites and route segments from a date on.
CREATE TABLE site_statuses (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id UUID NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    place TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, on_date DATE NOT NULL,
    held_by TEXT, note TEXT
);

-- Indicator series.
CREATE TABLE observations (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id UUID NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    indicator TEXT NOT NULL, from_date DATE NOT NULL, to_date DATE NOT NULL, area TEXT NOT NULL,
    value BIGINT NOT NULL, qualifier TEXT NOT NULL, note TEXT
);
