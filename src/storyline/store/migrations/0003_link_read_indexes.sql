-- Storyline store, schema version 3: indexes the web pages read by (an event by its id, a
-- document's event mentions with their event, a quotation group by its id).
CREATE INDEX link_events_event ON link_events (event_id);
CREATE INDEX link_quote_groups_group ON link_quote_groups (group_id);
