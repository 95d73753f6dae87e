-- forecast-ledger: question life — clarifications, amendments, comments and withdrawn forecasts.
--
-- Four new event types join the hash chain: `question.clarified` (fine print appended, the meaning
-- unchanged), `question.amended` (title, criteria or wording changed, with a reason),
-- `comment.added` (a remark on a question) and `forecast.withdrawn` (a forecast left out of scoring
-- from then on, with a reason). Their records live in the event payload, like every record.
--
-- `events.type` has a CHECK listing the types, and SQLite cannot alter a CHECK (ALTER TABLE has no
-- ALTER CONSTRAINT; `writable_schema` is refused in defensive mode). So `events` is rebuilt with
-- SQLite's documented procedure (https://www.sqlite.org/lang_altertable.html#otheralter): create
-- events_new, copy every row unchanged (seq, payload, hashes: the chain is untouched), drop the old
-- table, rename the new one. The migration runner turns `foreign_keys` off around every migration
-- and runs `PRAGMA foreign_key_check` before committing, so the projection tables keep their
-- foreign keys to events (seq), which point at the rebuilt table by name. The append-only and
-- sequence triggers of 0001 and 0002 go with the old table and are created again, word for word.
--
-- Rows are only copied, never changed, so the hash chain and `verify()` see the same history.

CREATE TABLE events_new (
  seq         INTEGER PRIMARY KEY,                -- 1, 2, 3, … with no gaps
  type        TEXT    NOT NULL CHECK (type IN ('source.added', 'forecaster.added', 'question.added', 'forecast.added', 'resolution.recorded',
                                               'question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn')),
  entity_id   TEXT    NOT NULL,                   -- the record's id (the question id for resolutions, clarifications, amendments, comments)
  recorded_at TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*'),
  payload     TEXT    NOT NULL CHECK (json_valid(payload)),  -- canonical JSON (RFC 8785) of the record
  prev_hash   TEXT    NOT NULL CHECK (length(prev_hash) = 64),
  hash        TEXT    NOT NULL CHECK (length(hash) = 64)     -- SHA-256 over prev_hash and this event
) STRICT;
INSERT INTO events_new (seq, type, entity_id, recorded_at, payload, prev_hash, hash)
  SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events ORDER BY seq;
DROP TABLE events;  -- its triggers go with it
ALTER TABLE events_new RENAME TO events;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
CREATE TRIGGER events_seq_next BEFORE INSERT ON events
WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM events), 0) + 1
BEGIN SELECT RAISE(ABORT, 'events are numbered 1, 2, 3, … without gaps: an event''s seq must be the next number'); END;

-- One row per question-life event: which question it is about and, for a withdrawal, which
-- forecast. The record itself is read from the event payload; `verify()` checks each row against it.
CREATE TABLE question_updates (
  event_seq   INTEGER PRIMARY KEY REFERENCES events (seq),
  type        TEXT    NOT NULL CHECK (type IN ('question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn')),
  question_id TEXT    NOT NULL REFERENCES questions (id),
  forecast_id TEXT    REFERENCES forecasts (id),
  CHECK ((type = 'forecast.withdrawn') = (forecast_id IS NOT NULL))
) STRICT;
CREATE INDEX question_updates_question ON question_updates (question_id);
-- A forecast is withdrawn at most once.
CREATE UNIQUE INDEX question_updates_withdrawn ON question_updates (forecast_id) WHERE forecast_id IS NOT NULL;
