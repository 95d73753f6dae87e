/**
 * Scores kept as the ledger changes: the rows of every resolved question scored for everyone on it,
 * each forecaster's totals over them, and the leaderboard and scorecards built back from them.
 *
 * @remarks
 * The stored path and the computed path (`buildLeaderboard`, `buildScorecard`) share every rule:
 * rows come from {@link scoreQuestion}, totals from {@link addFigures}, and the output from
 * `leaderboardFromTotals` and `scorecardOf`. Only the parts that depend on the day are live: which
 * open questions are pending or overdue, the upcoming list, the forecasts made by `asOf`.
 *
 * @internal
 * @module
 */
import { instantOf, endOfUtcDay } from '../../core/time-rules.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionRecord } from '../../model/question-record.js';
import { addAggregates } from '../aggregate/with-aggregates.js';
import { resolveScoringOptions, type ResolvedScoringOptions } from '../claims/scoring-options.js';
import type { ScoringData, ScoringForecast } from '../load-scoring-data.js';
import { everStood, madeBy } from '../point-in-time.js';
import { rankLeaderboard, type LeaderboardRow } from '../scorecard/build-leaderboard.js';
import { predictionOf, scorecardOf } from '../scorecard/build-scorecard.js';
import type { ForecastAfterOutcome, Leaderboard, Scorecard, ScorecardPrediction } from '../scorecard/types.js';
import { addFigures, emptyTotals, figuresOf, type ForecasterTotals } from './forecaster-totals.js';
import { scoreQuestion, type QuestionScore, type ScorecardScore } from './score-question.js';

/** The scoring options stored scores are computed with: the defaults. @internal */
export function storedScoringOptions(): ResolvedScoringOptions {
  return resolveScoringOptions('storedScores', {});
}

/**
 * Groups forecasts by question id, in their order.
 *
 * @internal
 */
export function forecastsByQuestion<F extends ScoringForecast>(forecasts: readonly F[]): Map<string, F[]> {
  const by = new Map<string, F[]>();
  for (const f of forecasts) {
    const list = by.get(f.questionId);
    if (list) list.push(f);
    else by.set(f.questionId, [f]);
  }
  return by;
}

/**
 * Every stored score row of a ledger, from scratch: each resolved question scored for everyone on it
 * (aggregate forecasters included, from their members' forecasts).
 *
 * @param data - the whole ledger's scoring data: every forecaster, question (current revision) and forecast (withdrawn ones with `withdrawnAt`)
 * @returns the rows, question by question in `data.questions` order
 * @internal
 */
export function scoreLedger(data: ScoringData, o: ResolvedScoringOptions = storedScoringOptions()): QuestionScore[] {
  // As point-in-time scoring reads them: a forecast withdrawn when made never stood.
  const withComputed = addAggregates({ ...data, forecasts: data.forecasts.filter(everStood) });
  const byQuestion = forecastsByQuestion(withComputed.forecasts);
  const rows: QuestionScore[] = [];
  for (const record of withComputed.questions) {
    const forecasts = byQuestion.get(record.question.id);
    if (forecasts) for (const row of scoreQuestion(record, forecasts, o)) rows.push(row);
  }
  return rows;
}

/**
 * Each forecaster's totals over score rows (plans and goals add nothing).
 *
 * @internal
 */
export function totalsOf(rows: Iterable<QuestionScore>): Map<string, ForecasterTotals> {
  const totals = new Map<string, ForecasterTotals>();
  for (const row of rows) {
    const figures = figuresOf(row);
    if (!figures) continue;
    let t = totals.get(row.forecasterId);
    if (!t) totals.set(row.forecasterId, (t = emptyTotals()));
    addFigures(t, figures);
  }
  return totals;
}

/**
 * The leaderboard from the rows of stored totals (`leaderboardRows`, kept by the ledger while it is unchanged): what `buildLeaderboard`
 * gives with the default scoring options.
 *
 * @internal
 */
export function storedLeaderboard(rows: readonly LeaderboardRow[], head: { asOf: string; minResolved: number }): Leaderboard {
  return rankLeaderboard(rows, { ...head, options: storedScoringOptions() });
}

/** What a stored scorecard is built from: one forecaster's part of the ledger and their stored rows. @internal */
export interface StoredScorecardInput {
  readonly forecaster: Forecaster;
  /** The questions the forecaster made a claim on, current revisions with their current resolutions. */
  readonly questions: readonly QuestionRecord[];
  /** The forecaster's forecasts, a withdrawn one with its `withdrawnAt`. */
  readonly forecasts: readonly ScoringForecast[];
  /** The forecaster's stored scores by question id (`scorecardScoresOf` reads them from the rows). */
  readonly scores: ReadonlyMap<string, ScorecardScore>;
}

/**
 * Whether stored scores stand for the scores as of `asOf`: every current resolution was resolved (and,
 * for a correction, recorded) by the end of that day. Otherwise the computed path must run.
 *
 * @internal
 */
export function resolutionsStandOn(questions: readonly QuestionRecord[], asOf: string): boolean {
  const end = endOfUtcDay(asOf);
  return questions.every(
    (r) => !r.resolution || (r.resolution.resolvedOn <= asOf && (r.resolution.supersedes === undefined || instantOf(r.resolution.recordedAt) < end)),
  );
}

/**
 * A scorecard from stored rows: what `buildScorecard` gives with the default scoring options, when
 * {@link resolutionsStandOn} holds.
 *
 * @internal
 */
export function storedScorecard(input: StoredScorecardInput, head: { asOf: string; upcomingLimit: number }): Scorecard {
  // Live: only the forecasts made by the end of asOf (as point-in-time scoring reads them).
  const mine = forecastsByQuestion(input.forecasts.filter((f) => madeBy(f.madeAt, head.asOf) && everStood(f)));
  const records = new Map(input.questions.map((r) => [r.question.id, r]));
  const predictions: ScorecardPrediction[] = [];
  const afterOutcome: ForecastAfterOutcome[] = [];
  for (const [questionId, forecasts] of mine) {
    const record = records.get(questionId);
    if (record) predictions.push(predictionOf(record, forecasts, input.scores.get(questionId), afterOutcome, head.asOf));
  }
  return scorecardOf(input.forecaster, predictions, afterOutcome, { asOf: head.asOf, options: storedScoringOptions(), upcomingLimit: head.upcomingLimit });
}
