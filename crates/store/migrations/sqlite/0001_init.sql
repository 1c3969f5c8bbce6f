-- The record log and its projections (SQLite). Keep in step with ../postgres/0001_init.sql;
-- a test migrates both and compares tables and columns.

-- The log: one row per entry, hash-chained (see docs/record-log.md). Never updated or deleted.
CREATE TABLE log (
    seq            INTEGER NOT NULL PRIMARY KEY,
    recorded_at    TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    subject        BLOB    NOT NULL,
    valid_at       TEXT    NOT NULL,
    classification TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    sources        TEXT    NOT NULL,
    prev_hash      BLOB    NOT NULL,
    hash           BLOB    NOT NULL
);
CREATE INDEX log_subject ON log (subject);

CREATE TRIGGER log_no_update BEFORE UPDATE ON log
BEGIN SELECT RAISE(ABORT, 'the record log is append-only: UPDATE refused'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log
BEGIN SELECT RAISE(ABORT, 'the record log is append-only: DELETE refused'); END;

-- Projections. Every row names the entry behind it (entry_seq), the entry it stands for
-- (origin_seq: itself, or the entry a correction replaced), when it became part of the record
-- (recorded_us, microseconds since 1970) and, if a correction replaced it, when (superseded_us).
-- class is the classification rank: 0 public, 1 mission, 2 restricted.
CREATE TABLE missions (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    slug TEXT NOT NULL, name TEXT NOT NULL, short_name TEXT NOT NULL, host_country TEXT NOT NULL,
    lead_nation TEXT NOT NULL, start_date DATE NOT NULL, note TEXT
);
CREATE TABLE mandates (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, resolution BIGINT NOT NULL, adopted_on DATE NOT NULL,
    votes_for BIGINT NOT NULL, votes_against BIGINT NOT NULL, votes_abstain BIGINT NOT NULL,
    mandate_end DATE NOT NULL, review_on DATE, ceiling_total BIGINT, ceiling_uniformed BIGINT,
    ceiling_civilian BIGINT, summary TEXT
);
CREATE TABLE successions (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, successor TEXT NOT NULL, on_date DATE NOT NULL, resolution BIGINT
);
CREATE TABLE requirements (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, from_date DATE NOT NULL, instruments TEXT NOT NULL
);
CREATE TABLE pledges (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, country TEXT NOT NULL, version_on DATE NOT NULL, status TEXT NOT NULL,
    police BIGINT NOT NULL, military BIGINT NOT NULL, civilian BIGINT NOT NULL,
    equipment TEXT, money_amount BIGINT, money_currency TEXT, note TEXT
);
CREATE INDEX pledges_mission ON pledges (mission, country);
CREATE TABLE authorizations (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, country TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
    issued_on DATE NOT NULL, status TEXT NOT NULL, note TEXT
);
CREATE INDEX authorizations_mission ON authorizations (mission, country);
CREATE TABLE deployments (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, country TEXT NOT NULL, movement TEXT NOT NULL, on_date DATE NOT NULL,
    in_police BIGINT NOT NULL, in_military BIGINT NOT NULL, in_civilian BIGINT NOT NULL,
    out_police BIGINT NOT NULL, out_military BIGINT NOT NULL, out_civilian BIGINT NOT NULL,
    unit TEXT, note TEXT, override_reason TEXT
);
CREATE INDEX deployments_mission ON deployments (mission, country);
CREATE TABLE funding (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    mission TEXT NOT NULL, donor TEXT NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL,
    amount BIGINT NOT NULL, currency TEXT NOT NULL, on_date DATE NOT NULL, note TEXT
);
CREATE TABLE sources (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    kind TEXT NOT NULL, title TEXT NOT NULL, url TEXT, reference TEXT, published_on DATE,
    outlet TEXT, language TEXT, reliability TEXT NOT NULL, credibility BIGINT NOT NULL, note TEXT
);
CREATE INDEX sources_id ON sources (id);
CREATE TABLE discrepancies (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    about BLOB NOT NULL, field TEXT NOT NULL, claims TEXT NOT NULL, accepted BIGINT NOT NULL,
    reason TEXT NOT NULL
);

-- Access control: who may log in. Not part of the mission's record (no projections), but every
-- change to a user is also appended to the log as a `user.*` entry for the audit trail.
CREATE TABLE users (
    id BLOB NOT NULL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_us BIGINT NOT NULL,
    disabled BOOLEAN NOT NULL
);
-- Browser sessions and API tokens: only the SHA-256 of the secret is stored.
CREATE TABLE sessions (
    token_hash BLOB NOT NULL PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    created_us BIGINT NOT NULL,
    expires_us BIGINT NOT NULL
);
