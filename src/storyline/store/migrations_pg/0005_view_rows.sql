-- Storyline store on PostgreSQL, schema version 5 (as migrations/0005_view_rows.sql): the pages' own rows,
-- written by the link stage with a story's rows (in the same transaction) from what it has just stored,
-- so that a first visit to a story page or an entity page is a few indexed reads and rendering, never a
-- recomputation (views/read.py builds them, ``story_views``; ``version`` is the code's VIEW_VERSION: rows
-- not read, and the next link run writes them again). Each ``data`` is the JSON of the record the
-- JSON API returns (pydantic models of views/read.py); the other columns are what pages sort by.
CREATE TABLE view_stories (
    story_id TEXT PRIMARY KEY,
    version  TEXT NOT NULL,
    data     TEXT NOT NULL            -- its card, summary, period, places, articles and folded events
);

-- Every event of a story as shown (EventItem), in timeline order; its sentences apart, so that a
-- page that folds the event never reads them.
CREATE TABLE view_events (
    story_id  TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    ord       INTEGER NOT NULL,       -- timeline order within the story (link_events' order)
    dated     INTEGER NOT NULL,       -- 1: the event has a date on the calendar
    is_key    INTEGER NOT NULL,       -- 1: a key event (salience at least link.events.KEY_SALIENCE)
    data      TEXT NOT NULL,          -- the EventItem without its sentences
    sentences TEXT NOT NULL,          -- its sentences in every source (a JSON list of Sentence)
    search    TEXT NOT NULL,          -- what search matches it on: its summary and the passages that report it
    hit       TEXT NOT NULL,          -- what a search hit shows of it: [id, summary, type, when, reporting documents]
    PRIMARY KEY (story_id, ord)
);
CREATE INDEX view_events_event ON view_events (event_id);

-- The events that name an entity (actor, target or place) in a story where that entity has a row,
-- with what an entity page ranks them by (the most reported first).
CREATE TABLE view_entity_events (
    entity_id TEXT NOT NULL,
    story_id  TEXT NOT NULL,
    ord       INTEGER NOT NULL,       -- the event's row in view_events
    event_id  TEXT NOT NULL,
    sources   INTEGER NOT NULL
);
CREATE INDEX view_entity_events_rank ON view_entity_events (entity_id, sources DESC, event_id);
CREATE INDEX view_entity_events_story ON view_entity_events (story_id);

-- Quotation groups as shown (QuoteGroupItem), with what pages rank them by.
CREATE TABLE view_quote_groups (
    story_id   TEXT NOT NULL,
    group_id   TEXT NOT NULL,
    speaker_id TEXT,
    outlets    INTEGER NOT NULL,
    quotes     INTEGER NOT NULL,
    data       TEXT NOT NULL,
    search     TEXT NOT NULL,         -- what search matches it on: its words and its speaker
    hit        TEXT NOT NULL,         -- what a search hit shows of it: [id, speaker, words, quoting documents]
    PRIMARY KEY (story_id, group_id)
);
CREATE INDEX view_quote_groups_speaker ON view_quote_groups (speaker_id, outlets DESC, quotes DESC, group_id);

-- Every article as pages name it (ArticleRef: outlet, date in words, title), by id.
CREATE TABLE view_documents (
    document_id TEXT PRIMARY KEY,
    story_id    TEXT NOT NULL,
    ref         TEXT NOT NULL
);
CREATE INDEX view_documents_story ON view_documents (story_id);

-- Which documents quote in which group (what search looks for among the documents it found).
CREATE TABLE view_quote_documents (
    document_id TEXT NOT NULL,
    story_id    TEXT NOT NULL,
    group_id    TEXT NOT NULL
);
CREATE INDEX view_quote_documents_document ON view_quote_documents (document_id);
CREATE INDEX view_quote_documents_story ON view_quote_documents (story_id);
