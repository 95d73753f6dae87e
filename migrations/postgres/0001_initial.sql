-- forecast-ledger on PostgreSQL: the schema, equal to SQLite's after its migrations 0001–0003.
--
-- Design notes
-- * `events` is the source of truth: an append-only, hash-chained log. Every other table is a
--   projection derived from it in the same transaction, and `verify()` checks both.
-- * Projections keep only the columns needed to filter and join; full records are read from the
--   event payload, so a record exists in exactly one place.
-- * `payload` is `text`, not `jsonb`: the hash chain covers the canonical JSON (RFC 8785) byte for
--   byte, and jsonb would reorder keys and rewrite numbers. The CHECK still refuses text that is not
--   JSON, and queries cast it to jsonb where they need a value from it.
-- * Timestamps are ISO-8601 text and dates `YYYY-MM-DD`, as on SQLite: the same values, the same
--   order, the same exports. Ids are stable slugs chosen by people.
-- * Every text column that is sorted or compared uses the "C" collation: byte order of UTF-8, which
--   is SQLite's BINARY order, so listings come out in the same order on both backends whatever the
--   database's locale.
-- * The objects are created in the connection's current schema (`public` unless the URL's
--   search_path says otherwise): a ledger has a database, or a schema, of its own.

CREATE TABLE events (
  seq         bigint  PRIMARY KEY,                -- 1, 2, 3, … with no gaps (see events_seq_next)
  type        text    COLLATE "C" NOT NULL CHECK (type IN ('source.added', 'forecaster.added', 'question.added', 'forecast.added',
                'resolution.recorded', 'question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn')),
  entity_id   text    COLLATE "C" NOT NULL,       -- the record's id (the question id for resolutions, clarifications, amendments, comments)
  recorded_at text    COLLATE "C" NOT NULL CHECK (recorded_at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T'),
  payload     text    NOT NULL CHECK ((payload::json) IS NOT NULL),  -- canonical JSON (RFC 8785) of the record
  prev_hash   text    NOT NULL CHECK (length(prev_hash) = 64),
  hash        text    NOT NULL CHECK (length(hash) = 64)             -- SHA-256 over prev_hash and this event
);

-- The log is append-only: the library never updates, deletes or truncates an event, and these
-- triggers make an accidental UPDATE, DELETE or TRUNCATE fail. A superuser can disable them;
-- `verify()` still catches what was changed, and reports a dropped or disabled trigger.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: record a correction instead' USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

-- An INSERT whose seq is not the next number (max(seq) + 1, or 1 for the first event) is refused:
-- seq < 1, a gap, a duplicate and an insert "into the past" all fail. A row-level BEFORE trigger
-- sees the rows an earlier part of the same INSERT added, so a batch of events in seq order passes.
CREATE FUNCTION events_seq_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq IS DISTINCT FROM coalesce((SELECT max(seq) FROM events), 0) + 1 THEN
    RAISE EXCEPTION 'events are numbered 1, 2, 3, … without gaps: an event''s seq must be the next number' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER events_seq_next BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_seq_next();

CREATE TABLE sources (
  id        text   COLLATE "C" PRIMARY KEY,
  event_seq bigint NOT NULL UNIQUE REFERENCES events (seq)
);

CREATE TABLE forecasters (
  id        text   COLLATE "C" PRIMARY KEY,
  type      text   COLLATE "C" NOT NULL CHECK (type IN ('person', 'organization')),
  event_seq bigint NOT NULL UNIQUE REFERENCES events (seq)
);

CREATE TABLE questions (
  id             text   COLLATE "C" PRIMARY KEY,
  kind           text   COLLATE "C" NOT NULL CHECK (kind IN ('binary', 'numeric', 'date', 'categorical')),
  stance         text   COLLATE "C" NOT NULL CHECK (stance IN ('forecast', 'plan', 'goal')),
  resolve_on     text   COLLATE "C" NOT NULL CHECK (resolve_on ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  status         text   COLLATE "C" NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'annulled', 'ambiguous')),
  resolution_seq bigint REFERENCES events (seq),  -- the current (latest) resolution, if any
  event_seq      bigint NOT NULL UNIQUE REFERENCES events (seq),
  CHECK ((status = 'open') = (resolution_seq IS NULL))
);
CREATE INDEX questions_resolve_on ON questions (resolve_on);

CREATE TABLE question_tags (
  question_id text COLLATE "C" NOT NULL REFERENCES questions (id),
  tag         text COLLATE "C" NOT NULL,
  PRIMARY KEY (question_id, tag)
);
CREATE INDEX question_tags_tag ON question_tags (tag);

CREATE TABLE forecasts (
  id            text   COLLATE "C" PRIMARY KEY,
  question_id   text   COLLATE "C" NOT NULL REFERENCES questions (id),
  forecaster_id text   COLLATE "C" NOT NULL REFERENCES forecasters (id),
  made_at       text   COLLATE "C" NOT NULL CHECK (made_at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]'),
  -- The probability a binary forecast stands for: stated, or implied by its wording. NULL otherwise.
  probability   double precision CHECK (probability BETWEEN 0 AND 1),
  event_seq     bigint NOT NULL UNIQUE REFERENCES events (seq)
);
CREATE INDEX forecasts_question ON forecasts (question_id);
CREATE INDEX forecasts_forecaster ON forecasts (forecaster_id);

CREATE TABLE resolutions (
  event_seq      bigint PRIMARY KEY REFERENCES events (seq),
  question_id    text   COLLATE "C" NOT NULL REFERENCES questions (id),
  status         text   COLLATE "C" NOT NULL CHECK (status IN ('resolved', 'annulled', 'ambiguous')),
  resolved_on    text   COLLATE "C" NOT NULL CHECK (resolved_on ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  -- The outcome value as SQLite's column holds it, as a JSON scalar: 1/0 for binary, a number for
  -- numeric, a string for date and categorical; NULL when annulled or ambiguous.
  outcome        jsonb  CHECK (outcome IS NULL OR jsonb_typeof(outcome) IN ('number', 'string')),
  supersedes_seq bigint REFERENCES resolutions (event_seq)  -- set on a correction
);
CREATE INDEX resolutions_question ON resolutions (question_id);

-- One row per question-life event: which question it is about and, for a withdrawal, which
-- forecast. The record itself is read from the event payload; `verify()` checks each row against it.
CREATE TABLE question_updates (
  event_seq   bigint PRIMARY KEY REFERENCES events (seq),
  type        text   COLLATE "C" NOT NULL CHECK (type IN ('question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn')),
  question_id text   COLLATE "C" NOT NULL REFERENCES questions (id),
  forecast_id text   COLLATE "C" REFERENCES forecasts (id),
  CHECK ((type = 'forecast.withdrawn') = (forecast_id IS NOT NULL))
);
CREATE INDEX question_updates_question ON question_updates (question_id);
-- A forecast is withdrawn at most once.
CREATE UNIQUE INDEX question_updates_withdrawn ON question_updates (forecast_id) WHERE forecast_id IS NOT NULL;
