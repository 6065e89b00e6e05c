-- Storyline store, schema version 4: the store's revision (as migrations/0004 for SQLite), moved
-- forward once per statement that changes what a page can show, in the writer's own transaction;
-- each story's row holds the revision at which it was last written.
CREATE TABLE store_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO store_revision (id, revision) VALUES (1, 1);
ALTER TABLE link_stories ADD COLUMN revision BIGINT;
UPDATE link_stories SET revision = 1;

CREATE FUNCTION storyline_store_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER store_revision_documents AFTER INSERT OR UPDATE OR DELETE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION storyline_store_revision();
CREATE TRIGGER store_revision_annotations AFTER INSERT OR UPDATE OR DELETE ON annotations
    FOR EACH STATEMENT EXECUTE FUNCTION storyline_store_revision();
CREATE TRIGGER store_revision_stories AFTER INSERT OR UPDATE OR DELETE ON link_stories
    FOR EACH STATEMENT EXECUTE FUNCTION storyline_store_revision();
CREATE TRIGGER store_revision_linked AFTER DELETE ON link_dirty
    FOR EACH STATEMENT EXECUTE FUNCTION storyline_store_revision();

CREATE FUNCTION storyline_story_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := (SELECT revision FROM store_revision WHERE id = 1);
    RETURN NEW;
END $$;
CREATE TRIGGER link_stories_revision BEFORE INSERT OR UPDATE ON link_stories
    FOR EACH ROW EXECUTE FUNCTION storyline_story_revision();
