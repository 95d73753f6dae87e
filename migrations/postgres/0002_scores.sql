-- forecast-ledger on PostgreSQL: stored scores (issue 11), equal to SQLite's migration 0004.
--
-- Every resolved question scored for everyone on it, and each forecaster's totals, kept current in
-- the transaction that changes them. Both tables are projections, like the others: the engine
-- rescores a question in the same transaction as any event that changes its scores, and `verify()`
-- recomputes every row from the records and reports any difference. They hold the scores under the
-- default scoring options; other options are computed on demand.
--
-- * question_scores: one row per (question, forecaster) with a score. `brier`, `log_loss`,
--   `peer_score` and `relative_brier` are what the leaderboard's totals add up (NULL where the
--   question gives none); `detail` is the JSON of everything a scorecard shows for the claim.
-- * forecaster_scores: per forecaster, the verdict counts and exactly rounded running sums, each
--   stored as the JSON list of its non-overlapping partials (Shewchuk).
-- * JSON columns are `text` with a CHECK that they parse, not `jsonb`: the library compares
--   `detail` with the JSON it computes character for character (as `verify()` does on SQLite), and
--   the partials must come back to the last bit; jsonb would reorder keys and rewrite numbers.
-- * Scores are `double precision`: PostgreSQL (12 and later) prints a float8 in the shortest form
--   that reads back to the same double, so a score comes back bit for bit.
-- * stored_scores_state: `filled` is false when this migration ran on a ledger that already had
--   resolutions: a SQL migration cannot run the scorer, so the library fills both tables right
--   after migrating, in one transaction under the migration's advisory lock, and sets `filled`
--   (see docs/performance.md, "Stored scores"). Until then, scores are computed from scratch. The
--   fill is idempotent: it replaces every row.

CREATE TABLE question_scores (
  question_id    text COLLATE "C" NOT NULL REFERENCES questions (id),
  forecaster_id  text COLLATE "C" NOT NULL REFERENCES forecasters (id),
  section        text COLLATE "C" NOT NULL CHECK (section IN ('forecast', 'plan-goal')),
  verdict        text COLLATE "C" NOT NULL CHECK (verdict IN ('hit', 'miss', 'no-call')),
  brier          double precision,
  log_loss       double precision,
  peer_score     double precision,
  relative_brier double precision,
  detail         text NOT NULL CHECK ((detail::json) IS NOT NULL),
  PRIMARY KEY (question_id, forecaster_id)
);
CREATE INDEX question_scores_forecaster ON question_scores (forecaster_id);

CREATE TABLE forecaster_scores (
  forecaster_id      text    COLLATE "C" PRIMARY KEY REFERENCES forecasters (id),
  hits               integer NOT NULL CHECK (hits >= 0),
  misses             integer NOT NULL CHECK (misses >= 0),
  no_calls           integer NOT NULL CHECK (no_calls >= 0),
  "binary"           integer NOT NULL CHECK ("binary" >= 0),
  relative_questions integer NOT NULL CHECK (relative_questions >= 0),
  brier_sum          text    NOT NULL CHECK ((brier_sum::json) IS NOT NULL),
  log_loss_sum       text    NOT NULL CHECK ((log_loss_sum::json) IS NOT NULL),
  peer_score_sum     text    NOT NULL CHECK ((peer_score_sum::json) IS NOT NULL),
  relative_brier_sum text    NOT NULL CHECK ((relative_brier_sum::json) IS NOT NULL)
);

-- The latest resolution date, in one index probe: stored scores stand for "today" once it is past.
CREATE INDEX resolutions_resolved_on ON resolutions (resolved_on);

CREATE TABLE stored_scores_state (
  id     integer PRIMARY KEY CHECK (id = 1),
  filled boolean NOT NULL
);
INSERT INTO stored_scores_state (id, filled) SELECT 1, NOT EXISTS (SELECT 1 FROM resolutions);
