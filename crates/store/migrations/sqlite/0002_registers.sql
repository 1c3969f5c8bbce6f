-- The accountability registers (personnel, documents, use of force, detention, complaints,
-- cases) and commanders' contributors. Keep in step with the other backend's 0002.

-- One row per register event. A record's events share its id. `detail` holds the
-- mission-level fields as JSON; `restricted` holds the restricted ones (identities, accounts,
-- grounds) and is read only by the queries that check a need to know and record the read.
-- `mission` and `country` are those of the record (copied onto its later events) so that a
-- commander's scope can be applied in SQL.
CREATE TABLE register_events (
    entry_seq BIGINT NOT NULL PRIMARY KEY, origin_seq BIGINT NOT NULL, id BLOB NOT NULL,
    recorded_us BIGINT NOT NULL, superseded_us BIGINT, class BIGINT NOT NULL, sources TEXT NOT NULL,
    actor TEXT NOT NULL, kind TEXT NOT NULL, area TEXT NOT NULL, mission TEXT NOT NULL,
    country TEXT, detail TEXT NOT NULL, restricted TEXT
);
CREATE INDEX register_events_area ON register_events (area, mission);
CREATE INDEX register_events_id ON register_events (id);

-- The audit of restricted reads is listed from the log by kind.
CREATE INDEX log_kind ON log (kind);

ALTER TABLE users ADD COLUMN country TEXT;
