-- What `konbit mirror` keeps of another instance's log, and what it has cosigned as a witness
-- (docs/record-log.md, "Mirrors and witnesses"). Keep in step with the other backend's 0007.

-- Every entry of the followed log as it was served: its place in the chain always, its content
-- when the mirror may read it (`entry`, the JSON served).
CREATE TABLE mirror_entries (
    seq            BIGINT NOT NULL PRIMARY KEY,
    classification TEXT   NOT NULL,
    digest         BYTEA  NOT NULL,
    prev_hash      BYTEA  NOT NULL,
    hash           BYTEA  NOT NULL,
    entry          TEXT   NOT NULL
);

-- Every checkpoint of the followed log the mirror checked (signature, consistency, entries).
CREATE TABLE mirror_checkpoints (
    size    BIGINT NOT NULL PRIMARY KEY,
    root    BYTEA  NOT NULL,
    note    TEXT   NOT NULL,
    seen_us BIGINT NOT NULL
);

-- A split view: the followed log showed a history that does not extend what it showed before.
-- The mirror stops following while one is here.
CREATE TABLE mirror_alarms (
    raised_us  BIGINT NOT NULL PRIMARY KEY,
    problem    TEXT   NOT NULL,
    held_note  TEXT   NOT NULL,
    shown_note TEXT   NOT NULL
);

-- The last checkpoint the witness cosigned, per log (C2SP tlog-witness).
CREATE TABLE witness_state (
    origin      TEXT   NOT NULL PRIMARY KEY,
    size        BIGINT NOT NULL,
    root        BYTEA  NOT NULL,
    note        TEXT   NOT NULL,
    cosigned_us BIGINT NOT NULL
);
