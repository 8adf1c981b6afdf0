-- Schema version 2: whether an event's place was inferred from the sentences before its own
-- (the sentence names no place). 0 for every event stored by version 1.
ALTER TABLE article_events ADD COLUMN place_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN place_inferred INTEGER NOT NULL DEFAULT 0;
