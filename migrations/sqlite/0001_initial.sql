-- forecast-ledger: initial schema.
--
-- Design notes
-- * `events` is the source of truth: an append-only, hash-chained log. Every other table is a
--   projection derived from it in the same transaction, and `verify()` checks both.
-- * Projections keep only the columns needed to filter and join; full records are read from the
--   event payload, so a record exists in exactly one place.
-- * Timestamps are ISO-8601 text (portable, sortable, readable in any SQLite tool); dates are
--   `YYYY-MM-DD`. Ids are stable slugs chosen by people, not surrogate integers, so exports and
--   prediction files can cite them. Probabilities are REAL in [0, 1].
-- * STRICT tables reject values of the wrong type instead of silently storing them.

CREATE TABLE events (
  seq         INTEGER PRIMARY KEY,                -- 1, 2, 3, … with no gaps
  type        TEXT    NOT NULL CHECK (type IN ('source.added', 'forecaster.added', 'question.added', 'forecast.added', 'resolution.recorded')),
  entity_id   TEXT    NOT NULL,                   -- the record's id (the question id for resolutions)
  recorded_at TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*'),
  payload     TEXT    NOT NULL CHECK (json_valid(payload)),  -- canonical JSON (RFC 8785) of the record
  prev_hash   TEXT    NOT NULL CHECK (length(prev_hash) = 64),
  hash        TEXT    NOT NULL CHECK (length(hash) = 64)     -- SHA-256 over prev_hash and this event
) STRICT;

-- The log is append-only: the library never updates or deletes an event, and these triggers make an
-- accidental UPDATE or DELETE fail. A deliberate tamperer can drop them; `verify()` still catches it.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;

CREATE TABLE sources (
  id        TEXT    PRIMARY KEY,
  event_seq INTEGER NOT NULL UNIQUE REFERENCES events (seq)
) STRICT;

CREATE TABLE forecasters (
  id        TEXT    PRIMARY KEY,
  type      TEXT    NOT NULL CHECK (type IN ('person', 'organization')),
  event_seq INTEGER NOT NULL UNIQUE REFERENCES events (seq)
) STRICT;

CREATE TABLE questions (
  id             TEXT    PRIMARY KEY,
  kind           TEXT    NOT NULL CHECK (kind IN ('binary', 'numeric', 'date', 'categorical')),
  stance         TEXT    NOT NULL CHECK (stance IN ('forecast', 'plan', 'goal')),
  resolve_on     TEXT    NOT NULL CHECK (resolve_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status         TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'annulled', 'ambiguous')),
  resolution_seq INTEGER REFERENCES events (seq),  -- the current (latest) resolution, if any
  event_seq      INTEGER NOT NULL UNIQUE REFERENCES events (seq),
  CHECK ((status = 'open') = (resolution_seq IS NULL))
) STRICT;
CREATE INDEX questions_resolve_on ON questions (resolve_on);

CREATE TABLE question_tags (
  question_id TEXT NOT NULL REFERENCES questions (id),
  tag         TEXT NOT NULL,
  PRIMARY KEY (question_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX question_tags_tag ON question_tags (tag);

CREATE TABLE forecasts (
  id            TEXT    PRIMARY KEY,
  question_id   TEXT    NOT NULL REFERENCES questions (id),
  forecaster_id TEXT    NOT NULL REFERENCES forecasters (id),
  made_at       TEXT    NOT NULL CHECK (made_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'),
  -- The probability a binary forecast stands for: stated, or implied by its wording. NULL otherwise.
  probability   REAL    CHECK (probability BETWEEN 0 AND 1),
  event_seq     INTEGER NOT NULL UNIQUE REFERENCES events (seq)
) STRICT;
CREATE INDEX forecasts_question ON forecasts (question_id);
CREATE INDEX forecasts_forecaster ON forecasts (forecaster_id);

CREATE TABLE resolutions (
  event_seq      INTEGER PRIMARY KEY REFERENCES events (seq),
  question_id    TEXT    NOT NULL REFERENCES questions (id),
  status         TEXT    NOT NULL CHECK (status IN ('resolved', 'annulled', 'ambiguous')),
  resolved_on    TEXT    NOT NULL CHECK (resolved_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- The outcome value as SQLite's json_extract gives it: 1/0 for binary, a number for numeric,
  -- text for date and categorical; NULL when annulled or ambiguous. Lets SQL score without parsing.
  outcome        ANY,
  supersedes_seq INTEGER REFERENCES resolutions (event_seq)  -- set on a correction
) STRICT;
CREATE INDEX resolutions_question ON resolutions (question_id);
