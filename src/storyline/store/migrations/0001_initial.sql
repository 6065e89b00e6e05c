-- Storyline store, schema version 1: documents, their per-article annotation layers, link state.
CREATE TABLE documents (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,  -- ingest order
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
    minhash        BLOB,                               -- MinHash signature for near-duplicate search
    added_at       TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_duplicate ON documents (duplicate_of);

-- MinHash LSH bands: documents sharing a band key are near-duplicate candidates (an index, not a scan).
CREATE TABLE minhash_bands (
    band        INTEGER NOT NULL,
    key         INTEGER NOT NULL,
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

-- Full-text search over titles and bodies.
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'seq');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
