-- Schema version 1 of the sitrep store.
--
-- Source records (written by ingest, one transaction per batch, never rewritten):
--   articles, article_events, control_facts, and the full-text index evidence_fts.
-- Derived records (recomputed from the source records by Store::rebuild):
--   events, event_sources, events_geo (de-duplicated events), control_periods and
--   control_periods_span (the control timeline).

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    doc          TEXT NOT NULL UNIQUE,          -- the article's id
    content_hash TEXT NOT NULL UNIQUE,          -- SHA-256 of the text, hex
    url          TEXT,
    outlet       TEXT,
    title        TEXT,
    published    TEXT,                          -- YYYY-MM-DD
    text_bytes   INTEGER NOT NULL
) STRICT;

-- One row per event as one article states it (the contract's record).
CREATE TABLE article_events (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id),
    ordinal        INTEGER NOT NULL,            -- position in the article's events
    kind           TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    place          TEXT,
    country        TEXT,
    admin1         TEXT,
    lat            REAL,
    lon            REAL,
    geo_precision  TEXT,
    place_id       TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    modality       TEXT NOT NULL,
    evidence       TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    fatalities     INTEGER,
    rule           TEXT NOT NULL,
    confidence     REAL NOT NULL,
    UNIQUE (article_id, ordinal)
) STRICT;

CREATE VIRTUAL TABLE evidence_fts USING fts5(
    evidence, content = 'article_events', content_rowid = 'id'
);

CREATE TABLE control_facts (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    ordinal    INTEGER NOT NULL,
    place      TEXT NOT NULL,
    country    TEXT,
    admin1     TEXT,
    lat        REAL,
    lon        REAL,
    controller TEXT NOT NULL,
    since      TEXT,                            -- YYYY-MM-DD, where the text says
    evidence   TEXT NOT NULL,
    rule       TEXT NOT NULL,
    UNIQUE (article_id, ordinal)
) STRICT;

-- One row per real-world event: the merged record of its reports.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc            TEXT NOT NULL,               -- the first report's article
    kind           TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    place          TEXT,
    place_key      TEXT,                        -- DedupRules::name_key(place)
    country        TEXT,
    admin1         TEXT,
    lat            REAL,
    lon            REAL,
    geo_precision  TEXT,
    place_id       TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    modality       TEXT NOT NULL,
    evidence       TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    fatalities     INTEGER,
    rule           TEXT NOT NULL,
    confidence     REAL NOT NULL,
    n_sources      INTEGER NOT NULL,            -- distinct outlets
    n_reports      INTEGER NOT NULL             -- reports merged
) STRICT;
CREATE INDEX events_kind ON events(kind, date_start);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_actor1 ON events(actor1);
CREATE INDEX events_actor2 ON events(actor2);
CREATE INDEX events_place ON events(place_key);
CREATE INDEX events_admin1 ON events(lower(admin1));

-- Which reports make up each event, and the de-duplication rule that merged each one
-- (NULL for the report that opened the event).
CREATE TABLE event_sources (
    event_id         INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_event_id INTEGER NOT NULL REFERENCES article_events(id),
    rule             TEXT,
    PRIMARY KEY (event_id, article_event_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX event_sources_report ON event_sources(article_event_id);

CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

-- Who held each place from `since` until the day before `until` (NULL: still holds).
CREATE TABLE control_periods (
    id         INTEGER PRIMARY KEY,
    place_key  TEXT NOT NULL,
    place      TEXT NOT NULL,
    country    TEXT,
    admin1     TEXT,
    lat        REAL,
    lon        REAL,
    controller TEXT NOT NULL,
    since      TEXT NOT NULL,
    until      TEXT,
    doc        TEXT NOT NULL,                   -- the claim that opened the period
    evidence   TEXT NOT NULL,
    n_claims   INTEGER NOT NULL,                -- claims supporting the period
    conflicts  TEXT NOT NULL                    -- JSON: claims naming another controller
) STRICT;
CREATE INDEX control_periods_place ON control_periods(place_key, since);
-- The periods' days as integer intervals (days since 1970-01-01), for `control --at`.
CREATE VIRTUAL TABLE control_periods_span USING rtree_i32(id, first_day, last_day);

-- Key-value state: `derived_stale` is 1 while derived records lag the source records.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO meta (key, value) VALUES ('derived_stale', '0');
