-- Storyline store, schema version 4: the store's revision, a number every change a page can show
-- moves forward (an article stored, changed or removed, its annotations written, a story's rows
-- replaced by the link stage, a document's dirty mark cleared by it), in the writer's own
-- transaction. The web UI keeps rendered pages by revision (and answers If-None-Match with it), so
-- a page kept is never older than the store. Each story's row also holds the revision at which its
-- rows were last written: a story's own pages are kept by that, so new articles elsewhere leave them.
CREATE TABLE store_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO store_revision (id, revision) VALUES (1, 1);
ALTER TABLE link_stories ADD COLUMN revision INTEGER;
UPDATE link_stories SET revision = 1;

CREATE TRIGGER store_revision_document_insert AFTER INSERT ON documents BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_document_update AFTER UPDATE ON documents BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_document_delete AFTER DELETE ON documents BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_annotation_insert AFTER INSERT ON annotations BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_annotation_update AFTER UPDATE ON annotations BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_annotation_delete AFTER DELETE ON annotations BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_story_insert AFTER INSERT ON link_stories BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_story_update AFTER UPDATE ON link_stories BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_story_delete AFTER DELETE ON link_stories BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER store_revision_linked AFTER DELETE ON link_dirty BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER link_stories_revision_insert AFTER INSERT ON link_stories BEGIN
    UPDATE link_stories SET revision = (SELECT revision FROM store_revision WHERE id = 1) WHERE rowid = new.rowid;
END;
CREATE TRIGGER link_stories_revision_update AFTER UPDATE OF story_id, title, documents, first_published, last_published, data
ON link_stories BEGIN
    UPDATE link_stories SET revision = (SELECT revision FROM store_revision WHERE id = 1) WHERE rowid = new.rowid;
END;
