-- Storyline store, schema version 2: the cross-article account (link stage), stored per story and
-- replaced story by story, so views read rows instead of recomputing. Every `data` column holds the
-- storyline/1 export record of its row (JSON); the other columns are what queries filter and sort by.
CREATE TABLE link_stories (
    story_id        TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    documents       INTEGER NOT NULL,
    first_published TEXT,
    last_published  TEXT,
    data            TEXT NOT NULL
);
CREATE INDEX link_stories_last ON link_stories (last_published);

-- Per document: what it is the first to report, and its timexes, figures and quotes with link ids.
CREATE TABLE link_documents (
    document_id TEXT PRIMARY KEY,
    story_id    TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX link_documents_story ON link_documents (story_id);

-- An entity's part in one story (the export's entity is the union of its rows, by entity_id).
CREATE TABLE link_entities (
    story_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (story_id, entity_id)
);
CREATE INDEX link_entities_entity ON link_entities (entity_id);

CREATE TABLE link_events (
    story_id   TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    ord        INTEGER NOT NULL,          -- order within the story (merge order)
    date_start TEXT,                      -- first and last day the event's date covers; NULL: undated
    date_end   TEXT,
    type       TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (story_id, event_id)
);
CREATE INDEX link_events_story_date ON link_events (story_id, date_start, date_end, ord);
CREATE INDEX link_events_date ON link_events (date_start, date_end);

CREATE TABLE link_event_mentions (
    event_id    TEXT NOT NULL,
    story_id    TEXT NOT NULL,
    document_id TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL
);
CREATE INDEX link_event_mentions_document ON link_event_mentions (document_id);
CREATE INDEX link_event_mentions_story ON link_event_mentions (story_id);

CREATE TABLE link_series (
    story_id  TEXT NOT NULL,
    series_id TEXT NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (story_id, series_id)
);

CREATE TABLE link_quote_groups (
    story_id   TEXT NOT NULL,
    group_id   TEXT NOT NULL,
    speaker_id TEXT,
    data       TEXT NOT NULL,
    PRIMARY KEY (story_id, group_id)
);
CREATE INDEX link_quote_groups_speaker ON link_quote_groups (speaker_id);

-- The story index (link/stories.py) as rows, updated in place: each story's profile (term weights,
-- the postings come from the term index), the document frequency of each term, each story's dates.
CREATE TABLE story_terms (
    story_id TEXT NOT NULL,
    term     TEXT NOT NULL,
    weight   REAL NOT NULL,
    PRIMARY KEY (story_id, term)
);
CREATE INDEX story_terms_term ON story_terms (term);
-- the same profiles, one JSON object per story: what scoring a candidate story reads (one row)
CREATE TABLE story_profiles (
    story_id TEXT PRIMARY KEY,
    data     TEXT NOT NULL
);
CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
);
CREATE TABLE story_spans (
    story_id  TEXT PRIMARY KEY,
    first_day INTEGER NOT NULL,
    last_day  INTEGER NOT NULL
);

-- Documents whose story must be re-linked: written by triggers on every insert or change of a
-- document (story, duplicate link) or of its annotations; emptied by the link stage.
CREATE TABLE link_dirty (
    document_id TEXT PRIMARY KEY
);
INSERT INTO link_dirty (document_id) SELECT id FROM documents;

-- (no INSERT OR IGNORE here: an upsert that fires the trigger would impose its own conflict policy)
CREATE TRIGGER link_dirty_document_insert AFTER INSERT ON documents BEGIN
    INSERT INTO link_dirty (document_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM link_dirty WHERE document_id = new.id);
END;
CREATE TRIGGER link_dirty_document_update AFTER UPDATE OF story_id, duplicate_of ON documents BEGIN
    INSERT INTO link_dirty (document_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM link_dirty WHERE document_id = new.id);
END;
CREATE TRIGGER link_dirty_annotation_insert AFTER INSERT ON annotations BEGIN
    INSERT INTO link_dirty (document_id) SELECT new.document_id WHERE NOT EXISTS (SELECT 1 FROM link_dirty WHERE document_id = new.document_id);
END;
CREATE TRIGGER link_dirty_annotation_update AFTER UPDATE ON annotations BEGIN
    INSERT INTO link_dirty (document_id) SELECT new.document_id WHERE NOT EXISTS (SELECT 1 FROM link_dirty WHERE document_id = new.document_id);
END;
