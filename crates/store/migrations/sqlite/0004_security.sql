-- Security: user names unique whatever their case; sessions and API tokens with an id, so that
-- they can be listed and revoked; failed attempts counted across restarts; the server's secrets.
-- Keep in step with ../postgres/0004_security.sql.

CREATE UNIQUE INDEX users_username_ci ON users (lower(username));

-- Sessions and tokens issued before this migration carry no id: they end here (everyone logs in
-- again once).
DROP TABLE sessions;
CREATE TABLE sessions (
    id BLOB NOT NULL PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    user_id BLOB NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    created_us BIGINT NOT NULL,
    expires_us BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed attempts per key (`login:NAME@ADDRESS`, `login-from:ADDRESS`, …) in the current window.
-- Rows are forgotten once expired, and the table is kept below a fixed number of rows.
CREATE TABLE throttle (
    key TEXT NOT NULL PRIMARY KEY,
    failures BIGINT NOT NULL,
    window_us BIGINT NOT NULL,
    expires_us BIGINT NOT NULL
);
CREATE INDEX throttle_expires ON throttle (expires_us);

-- Random keys the server makes for itself (the CSRF key), shared by every server process.
CREATE TABLE secrets (
    name TEXT NOT NULL PRIMARY KEY,
    value BLOB NOT NULL
);
