-- Storyline store on PostgreSQL, schema version 1: the same tables as migrations/0001_initial.sql
-- (SQLite); full-text search is a generated tsvector column with a GIN index instead of FTS5.
-- The schema version lives in storyline_schema (written by the store, not by this file).
CREATE TABLE documents (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- ingest order
    id             TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL UNIQUE,               -- sha256 of the input record: idempotent re-runs
    source         TEXT NOT NULL,
    url            TEXT,
    outlet         TEXT,
    title          TEXT,
    author         TEXT,
    published      TEXT,
    published_from TEXT,
    language       TEXT,
    reprint_of     TEXT,
    duplicate_of   TEXT,
    story_id       TEXT,
    text           TEXT NOT NULL,
    removed        TEXT NOT NULL DEFAULT '[]',         -- JSON list of removed lines
    minhash        BYTEA,                              -- MinHash signature for near-duplicate search
    added_at       TEXT NOT NULL,
    -- full-text search over titles and bodies ('simple': no stemming or stop words, as FTS5's unicode61)
    fts            TSVECTOR GENERATED ALWAYS AS (
                       setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
                       || setweight(to_tsvector('simple'::regconfig, text), 'B')
                   ) STORED
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_duplicate ON documents (duplicate_of);
CREATE INDEX documents_fts ON documents USING GIN (fts);

-- MinHash LSH bands: documents sharing a band key are near-duplicate candidates (an index, not a scan).
CREATE TABLE minhash_bands (
    band        INTEGER NOT NULL,
    key         BIGINT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_key ON minhash_bands (band, key);

-- One row per article and annotation layer (timexes, entities, figures, quotes, events, sentences);
-- `version` is the annotator's version: a newer annotator re-annotates older rows.
CREATE TABLE annotations (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    layer       TEXT NOT NULL,
    version     TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (document_id, layer)
);

-- State of incremental cross-article indexes (story index, ...), as JSON.
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
