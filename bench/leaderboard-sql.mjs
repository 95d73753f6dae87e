// The leaderboard's mean Brier scores as ONE SQL aggregate over the projection columns
// (forecasts.probability, resolutions.outcome), for the benchmark's side-by-side comparison.
//
// It reproduces the library's rule exactly (src/scoring/scorecard/build-leaderboard.ts and
// src/scoring/time-weighted.ts):
// * only questions that are `resolved` (current resolution), binary, with stance `forecast`;
// * the close is the end (24:00 UTC) of min(resolveOn, resolvedOn); forecasts made at or after it
//   are left out (a bare-date madeAt is 00:00 UTC);
// * per (forecaster, question), each forecast stands from its madeAt until the forecaster's next
//   forecast (ties by id, the larger standing later) or the close; its weight is that time over
//   (close − first forecast); the question's score is Σ weight · (p − y)²;
// * a forecaster's meanBrier is the plain mean of those per-question scores.

// MATERIALIZED keeps the planner driving from the closed questions (through forecasts_question);
// left to itself it walks all forecasts in forecaster order to feed the window, four times slower.
/** The dialect-neutral part (window, weights, per-question sums) over `made` (fid, qid, y, close, p, id, t). */
export const WEIGHTED_PER_QUESTION = `weighted AS (
  SELECT fid, qid, (p - y) * (p - y) AS brier,
         (coalesce(lead(t) OVER standing, close) - t) / (close - min(t) OVER (PARTITION BY qid, fid)) AS weight
  FROM made WHERE t < close
  WINDOW standing AS (PARTITION BY qid, fid ORDER BY t, id)
),
per_question AS (
  SELECT fid, sum(weight * brier) AS brier FROM weighted GROUP BY qid, fid
)`;

export const leaderboardSql = `
WITH closed AS MATERIALIZED (
  SELECT q.id AS qid, r.outcome AS y, (unixepoch(min(q.resolve_on, r.resolved_on)) + 86400) * 1000.0 AS close
  FROM questions q JOIN resolutions r ON r.event_seq = q.resolution_seq
  WHERE q.status = 'resolved' AND q.kind = 'binary' AND q.stance = 'forecast'
),
made AS MATERIALIZED (
  SELECT f.forecaster_id AS fid, c.qid, c.y, c.close, f.probability AS p, f.id, unixepoch(f.made_at, 'subsec') * 1000.0 AS t
  FROM closed c JOIN forecasts f ON f.question_id = c.qid
),
${WEIGHTED_PER_QUESTION}
SELECT fid AS forecasterId, avg(brier) AS meanBrier, count(*) AS binary FROM per_question GROUP BY fid`;

/**
 * Checks the library's leaderboard against the SQL rows: the same forecasters have a mean Brier,
 * with the same number of binary questions, and the means agree to `tolerance`.
 */
export function compareLeaderboards(board, sqlRows, tolerance = 1e-9) {
  const lib = new Map();
  for (const e of board.entries) if (e.meanBrier !== undefined) lib.set(e.forecasterId, e);
  let maxAbsDiff = 0;
  const problems = [];
  for (const row of sqlRows) {
    const e = lib.get(row.forecasterId);
    if (!e) {
      problems.push(`${row.forecasterId}: SQL has meanBrier ${row.meanBrier}, the library none`);
      continue;
    }
    const diff = Math.abs(e.meanBrier - row.meanBrier);
    maxAbsDiff = Math.max(maxAbsDiff, diff);
    if (diff > tolerance || e.binary !== row.binary)
      problems.push(`${row.forecasterId}: library ${e.meanBrier} over ${e.binary}, SQL ${row.meanBrier} over ${row.binary}`);
    lib.delete(row.forecasterId);
  }
  for (const id of lib.keys()) problems.push(`${id}: the library has a meanBrier, SQL none`);
  return { ok: problems.length === 0, compared: sqlRows.length, maxAbsDiff, problems: problems.slice(0, 5), problemCount: problems.length };
}
