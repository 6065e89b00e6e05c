-- Storyline store, schema version 6: the store-wide index of what each article reports, by which an
-- undated article is dated from every dated article of the store that shares its rare keys
-- (link/dating.py). Written by the link stage for the articles that arrive or change, read per
-- undated article: the document frequency of its keys and their dated carriers.
CREATE TABLE dating_keys (
    key         TEXT NOT NULL,
    document_id TEXT NOT NULL,
    day         TEXT,             -- the article's stated date (YYYY-MM-DD); NULL: undated
    n_keys      INTEGER NOT NULL, -- how many keys the article has
    PRIMARY KEY (key, document_id)
) WITHOUT ROWID;  -- one copy of the rows, kept in key order: a key's postings are one range
CREATE INDEX dating_keys_document ON dating_keys (document_id);
CREATE TABLE dating_df (
    key TEXT PRIMARY KEY,
    df  INTEGER NOT NULL
) WITHOUT ROWID;
-- Stories holding an undated article whose estimate a dated arrival may have changed, waiting to be
-- relinked: each link run takes a few (in id order), so adding an article stays cheap; the account
-- equals a from-scratch build's once none is waiting.
CREATE TABLE dating_stale (
    story_id TEXT PRIMARY KEY
);
