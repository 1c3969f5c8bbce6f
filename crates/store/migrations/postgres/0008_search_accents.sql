-- Search folds accents, as SQLite's full-text index does (`remove_diacritics 2`): "Miragoane"
-- finds "Miragoâne", "pecheurs" finds "pêcheurs". The `simple` configuration kept them, so the
-- same search found a place on one backend and nothing on the other. The `unaccent` dictionary
-- ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may create it.
-- SQLite needs no counterpart.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION konbit_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION konbit_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;

-- The vector is computed with the new configuration: the column is made again (PostgreSQL 15
-- cannot change a generated column's expression in place), and its index with it.
ALTER TABLE incidents DROP COLUMN search;
ALTER TABLE incidents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('konbit_search', notes || ' ' || location || ' ' || actor1 || ' ' || actor2)) STORED;
CREATE INDEX incidents_search ON incidents USING GIN (search);
