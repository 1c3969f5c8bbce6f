-- Format v2 of the record log and its Merkle tree (docs/record-log.md). Keep in step with
-- ../postgres/0006_tree.sql.

-- The salt hashed with each entry's content. Entries of a v1 log have none: such a log is
-- refused when opened (docs/record-log.md, "Versions").
ALTER TABLE log ADD COLUMN salt BLOB;

-- Every complete node of the Merkle tree over the entries (RFC 6962 §2.1): the node at `level`
-- and `idx` is the root of leaves idx·2^level to (idx+1)·2^level − 1; level 0 holds the leaf
-- hashes. Derived from the log; `konbit rebuild` writes it again.
CREATE TABLE log_tree (
    level BIGINT NOT NULL,
    idx   BIGINT NOT NULL,
    hash  BLOB   NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
