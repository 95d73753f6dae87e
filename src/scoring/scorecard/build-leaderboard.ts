import type { StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionRecord } from '../../model/question-record.js';
import { resolveScoringOptions, type ResolvedScoringOptions } from '../claims/scoring-options.js';
import type { ScoringData } from '../load-scoring-data.js';
import { addAggregates, assertAggregateSpecs, limitToTag } from '../aggregate/with-aggregates.js';
import { guardInput } from '../_internal/validate.js';
import { parseArg } from '../../_internal/validate-args.js';
import { standingOn } from '../point-in-time.js';
import { addFigures, emptyTotals, figuresOf, resolvedOf, type ForecasterTotals } from '../stored/forecaster-totals.js';
import { isPlanStance, scoreQuestion } from '../stored/score-question.js';
import { refuseRecordedBy, asOfDate, assertScoringData, hitRateOf, integerOption, LeaderboardOptionsArg, SCORING_DATA } from './_shared.js';
import type { Leaderboard, LeaderboardEntry, LeaderboardOptions } from './types.js';

/**
 * Ranks forecasters by the Wilson lower bound of their hit rate, then mean Brier score, from plain {@link ScoringData}: pure, O(N).
 *
 * @remarks
 * Every figure is the one {@link buildScorecard} reports for the forecaster: per resolved question,
 * the time-weighted score of their standing forecasts; plans and goals, annulled and ambiguous
 * questions are left out. A forecaster is ranked with at least `minResolved` resolved, scored
 * forecasts (default 1); the others are listed in `unranked`.
 *
 * Order (ties broken deterministically, no shared ranks): the lower bound of the Wilson 95 % interval
 * of the hit rate over every resolved claim of any kind, **higher first** (a forecaster with no verdict
 * counts as 0); then the mean Brier score over binary forecasts, **lower first** (none last);
 * then more resolved forecasts first; then forecaster id. So a forecaster whose resolved claims are all
 * misses (lower bound 0) never ranks above one whose resolved claims are all hits (lower bound above 0),
 * whatever kinds the claims are, and a single lucky hit ranks below a long record of mostly hits.
 *
 * Each resolved forecast question is scored once for everyone on it by the rule the ledger's stored
 * scores keep (one forecaster's row is {@link scorePrediction} of their standing forecasts, with
 * peer and relative Brier scores beside it), and each forecaster's figures are added up with exactly
 * rounded sums, so the means agree with their scorecard's to the last bit. The work is linear in the
 * number of forecasts, plus O(k log k) per question for its k forecasters' relative scores.
 *
 * @param input - every forecaster, question (with its current resolution) and forecast; aggregate forecasters get
 *   their computed forecasts ({@link withAggregates}), and `options.tag` keeps only the questions with that tag
 * @param options - `minResolved` (default 1), `asOf` (recorded only), and {@link ScoringOptions}
 * @returns the ranked entries and the unranked forecasters
 * @throws LedgerError `validation_failed` when an option is out of range, or a forecaster's `aggregate`
 *   is not a valid definition (naming the field, e.g. `data.forecasters[2].aggregate.method`)
 *
 * @example
 * ```ts
 * const board = buildLeaderboard(data, { minResolved: 1, asOf: '2026-01-01' });
 * board.entries.map((e) => [e.rank, e.forecasterId, e.meanBrier]); //=> [[1, 'alice', 0.125], [2, 'bob', 0.15625]]
 * ```
 *
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *   Weather Review 78(1):1–3.
 * @see Metaculus, Scores FAQ https://www.metaculus.com/help/scores-faq/
 */
export function buildLeaderboard(input: ScoringData, options: LeaderboardOptions = {}): Leaderboard {
  const fn = 'buildLeaderboard';
  assertScoringData(fn, input);
  options = (parseArg(fn, 'options', LeaderboardOptionsArg, options) ?? {}) as LeaderboardOptions;
  refuseRecordedBy(fn, options.recordedBy, 'ledger.leaderboard()');
  const asOf = asOfDate(fn, options.asOf);
  return guardInput(fn, 'data', SCORING_DATA, () => {
    assertAggregateSpecs(fn, input);
    return buildLeaderboardUnchecked(addAggregates(limitToTag(standingOn(input, asOf), options.tag)), { ...options, asOf });
  });
}

function buildLeaderboardUnchecked(data: ScoringData, options: LeaderboardOptions): Leaderboard {
  const fn = 'buildLeaderboard';
  const o = resolveScoringOptions(fn, options);
  const asOf = asOfDate(fn, options.asOf);
  const minResolved = integerOption(fn, 'options.minResolved', options.minResolved ?? 1, 0);
  const known = new Set(data.forecasters.map((f) => f.id));
  // Resolved forecast questions only: plans, goals, open, annulled and ambiguous ones are not ranked.
  const ranked = new Map<string, QuestionRecord>();
  for (const record of data.questions) {
    if (record.status === 'resolved' && record.resolution?.outcome && !isPlanStance(record.question.stance)) ranked.set(record.question.id, record);
  }
  const byQuestion = new Map<string, StoredForecast[]>();
  for (const f of data.forecasts) {
    if (!ranked.has(f.questionId) || !known.has(f.forecasterId)) continue;
    const list = byQuestion.get(f.questionId);
    if (list) list.push(f);
    else byQuestion.set(f.questionId, [f]);
  }
  // Every question scored once, by the rule the stored scores keep (scoreQuestion), and added up exactly.
  const totals = new Map<string, ForecasterTotals>();
  for (const [questionId, forecasts] of byQuestion) {
    for (const row of scoreQuestion(ranked.get(questionId)!, forecasts, o)) {
      const figures = figuresOf(row);
      if (!figures) continue;
      let t = totals.get(row.forecasterId);
      if (!t) totals.set(row.forecasterId, (t = emptyTotals()));
      addFigures(t, figures);
    }
  }
  return leaderboardFromTotals(data.forecasters, totals, { asOf, minResolved, options: o });
}

/**
 * The leaderboard of forecasters from their {@link ForecasterTotals}: computed ({@link buildLeaderboard}) or stored.
 *
 * @internal
 */
export function leaderboardFromTotals(
  forecasters: readonly Forecaster[],
  totals: ReadonlyMap<string, ForecasterTotals>,
  head: { asOf: string; minResolved: number; options: ResolvedScoringOptions },
): Leaderboard {
  return rankLeaderboard(leaderboardRows(forecasters, totals), head);
}

/** A forecaster's figures on the leaderboard, before ranking. @internal */
export type LeaderboardRow = Omit<LeaderboardEntry, 'rank'>;

/**
 * Each forecaster's figures from their totals (none: ranked on nothing), in ranking order (see
 * {@link compareRows}: a total order, so any subset of them is in ranking order too): what the
 * leaderboard ranks. They depend on nothing but the totals, so a stored leaderboard keeps them while the
 * ledger is unchanged.
 *
 * @internal
 */
export function leaderboardRows(forecasters: readonly Forecaster[], totals: ReadonlyMap<string, ForecasterTotals>): LeaderboardRow[] {
  const rows = forecasters.map((forecaster): LeaderboardRow => {
    const t = totals.get(forecaster.id) ?? emptyTotals();
    const hitRate = hitRateOf(t.hits, t.misses, t.noCalls);
    return {
      forecasterId: forecaster.id,
      name: forecaster.name,
      resolved: resolvedOf(t),
      binary: t.binary,
      ...(t.binary ? { meanBrier: t.brier.total() / t.binary, meanLogLoss: t.logLoss.total() / t.binary } : {}),
      ...(hitRate ? { hitRate } : {}),
      relativeQuestions: t.relativeQuestions,
      ...(t.relativeQuestions
        ? { meanPeerScore: t.peerScore.total() / t.relativeQuestions, meanRelativeBrier: t.relativeBrier.total() / t.relativeQuestions }
        : {}),
    };
  });
  return rows.sort(compareRows);
}

/**
 * The leaderboard of {@link leaderboardRows} (in their ranking order): ranked among those with at least
 * `minResolved` resolved, the rest unranked by id. The rows are not changed, nor shared with the result.
 *
 * @internal
 */
export function rankLeaderboard(rows: readonly LeaderboardRow[], head: { asOf: string; minResolved: number; options: ResolvedScoringOptions }): Leaderboard {
  const { minResolved } = head;
  const entries: LeaderboardEntry[] = [];
  for (const row of rows) if (row.resolved >= minResolved) entries.push(entryOf(entries.length + 1, row));
  return {
    asOf: head.asOf,
    minResolved,
    options: head.options,
    entries,
    unranked: rows
      .filter((r) => r.resolved < minResolved)
      .map(({ forecasterId, name, resolved }) => ({ forecasterId, name, resolved }))
      .sort((a, b) => (a.forecasterId < b.forecasterId ? -1 : 1)),
  };
}

type Row = LeaderboardRow;

/**
 * A row as a ranked entry: a new object with its keys in the row's order after `rank`, the one nested
 * object copied too, so that changing a result changes no kept row. Built key by key: ten times faster
 * than spreading rows of several shapes.
 */
function entryOf(rank: number, row: Row): LeaderboardEntry {
  const e: { -readonly [K in keyof LeaderboardEntry]?: LeaderboardEntry[K] } = {
    rank,
    forecasterId: row.forecasterId,
    name: row.name,
    resolved: row.resolved,
    binary: row.binary,
  };
  if (row.meanBrier !== undefined) {
    e.meanBrier = row.meanBrier;
    e.meanLogLoss = row.meanLogLoss;
  }
  if (row.hitRate) e.hitRate = { ...row.hitRate };
  e.relativeQuestions = row.relativeQuestions;
  if (row.meanPeerScore !== undefined) {
    e.meanPeerScore = row.meanPeerScore;
    e.meanRelativeBrier = row.meanRelativeBrier;
  }
  return e as LeaderboardEntry;
}

/**
 * The ranking rule in one sentence, as the leaderboard pages and the CLI print it.
 *
 * @internal
 */
export const LEADERBOARD_RULE =
  'Ranked by the lower bound of the 95% Wilson interval of the hit rate over every resolved claim (higher first), ' +
  'then mean Brier score over probability claims (lower first, none last), then more resolved claims, then id.';

/**
 * Wilson lower bound of the hit rate descending (none counts as 0), mean Brier ascending
 * (none last), resolved descending, id: all-miss (lower bound 0) never ranks above all-hit (lower bound above 0).
 */
function compareRows(a: Row, b: Row): number {
  return (
    (b.hitRate?.lower ?? 0) - (a.hitRate?.lower ?? 0) ||
    ascendingMissingLast(a.meanBrier, b.meanBrier) ||
    b.resolved - a.resolved ||
    (a.forecasterId < b.forecasterId ? -1 : a.forecasterId > b.forecasterId ? 1 : 0)
  );
}

function ascendingMissingLast(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}
