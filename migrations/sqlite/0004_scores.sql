-- forecast-ledger: stored scores (issue 11) — every resolved question scored for everyone on it,
-- and each forecaster's totals, kept current in the transaction that changes them.
--
-- Both tables are projections, like the others: the engine rescores a question in the same
-- transaction as any event that changes its scores (a resolution recorded, corrected, annulled or
-- marked ambiguous; a forecast added or withdrawn on a resolved question; an aggregate forecaster
-- added), and `verify()` recomputes every row from the records and reports any difference.
-- They hold the scores under the default scoring options; other options are computed on demand.
--
-- * question_scores: one row per (question, forecaster) with a score. `brier`, `log_loss`,
--   `peer_score` and `relative_brier` are what the leaderboard's totals add up (NULL where the
--   question gives none); `detail` is the JSON of everything a scorecard shows for the claim.
-- * forecaster_scores: per forecaster, the verdict counts and exactly rounded running sums, each
--   stored as the JSON list of its non-overlapping partials (Shewchuk), so that taking a replaced
--   score out and adding the new one gives to the last bit the sum of the final scores.
-- * stored_scores_state: `filled` is 0 when this migration ran on a ledger that already had
--   resolutions: a SQL migration cannot run the scorer, so the library fills both tables right
--   after migrating, in one transaction, and sets `filled` to 1 (see docs/performance.md, "Stored
--   scores"). Until then, scores are computed from scratch. The fill is idempotent: it replaces
--   every row.

CREATE TABLE question_scores (
  question_id    TEXT NOT NULL REFERENCES questions (id),
  forecaster_id  TEXT NOT NULL REFERENCES forecasters (id),
  section        TEXT NOT NULL CHECK (section IN ('forecast', 'plan-goal')),
  verdict        TEXT NOT NULL CHECK (verdict IN ('hit', 'miss', 'no-call')),
  brier          REAL,
  log_loss       REAL,
  peer_score     REAL,
  relative_brier REAL,
  detail         TEXT NOT NULL CHECK (json_valid(detail)),
  PRIMARY KEY (question_id, forecaster_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX question_scores_forecaster ON question_scores (forecaster_id);

CREATE TABLE forecaster_scores (
  forecaster_id      TEXT    PRIMARY KEY REFERENCES forecasters (id),
  hits               INTEGER NOT NULL CHECK (hits >= 0),
  misses             INTEGER NOT NULL CHECK (misses >= 0),
  no_calls           INTEGER NOT NULL CHECK (no_calls >= 0),
  binary             INTEGER NOT NULL CHECK (binary >= 0),
  relative_questions INTEGER NOT NULL CHECK (relative_questions >= 0),
  brier_sum          TEXT    NOT NULL CHECK (json_valid(brier_sum)),
  log_loss_sum       TEXT    NOT NULL CHECK (json_valid(log_loss_sum)),
  peer_score_sum     TEXT    NOT NULL CHECK (json_valid(peer_score_sum)),
  relative_brier_sum TEXT    NOT NULL CHECK (json_valid(relative_brier_sum))
) STRICT;

-- The latest resolution date, in one index probe: stored scores stand for "today" once it is past.
CREATE INDEX resolutions_resolved_on ON resolutions (resolved_on);

CREATE TABLE stored_scores_state (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  filled INTEGER NOT NULL CHECK (filled IN (0, 1))
) STRICT;
INSERT INTO stored_scores_state (id, filled) SELECT 1, NOT EXISTS (SELECT 1 FROM resolutions);
