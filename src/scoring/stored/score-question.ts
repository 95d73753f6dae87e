/**
 * One resolved question scored for every forecaster on it: the rows the stored scores keep and the
 * one place the leaderboard and scorecards get their per-question figures from.
 *
 * @internal
 * @module
 */
import { instantOf, madeBeforeClose, questionClose, type QuestionClose } from '../../core/time-rules.js';
import type { QuestionRecord } from '../../model/question-record.js';
import { scorePredictionWith, type PredictionScore } from '../claims/score-prediction.js';
import type { ResolvedScoringOptions } from '../claims/scoring-options.js';
import type { ScoringForecast } from '../load-scoring-data.js';
import { standingWeights } from '../time-weighted.js';
import { sum } from '../_internal/sum.js';
import { peerScores, relativeBrierScores } from '../relative-scores.js';

/** Which part of a scorecard a question's claims belong to: forecasts, or plans and goals. @internal */
export type ScoreSection = 'forecast' | 'plan-goal';

/**
 * One forecaster's score on one resolved question: everything the leaderboard and the scorecard show
 * for it, and what the stored scores keep.
 *
 * @internal
 */
export interface QuestionScore {
  readonly questionId: string;
  readonly forecasterId: string;
  /** `plan-goal` for a plan or goal (kept out of every accuracy figure), else `forecast`. */
  readonly section: ScoreSection;
  /** The time-weighted score of the forecaster's standing forecasts ({@link scorePredictionWith}). */
  readonly score: PredictionScore;
  /** The share of the question's window (first forecast by anyone → close) the forecaster covered. */
  readonly coverage: number;
  /** Peer and relative Brier scores, on a binary forecast question that others scored on too. */
  readonly relative?: { readonly peerScore: number; readonly relativeBrier: number; readonly peers: number };
}

/** What a scorecard shows of a question's score (a stored row's `detail`): its score, coverage and relative figures. @internal */
export type ScorecardScore = Pick<QuestionScore, 'score' | 'coverage' | 'relative'>;

/** Whether a question is a plan or a goal. @internal */
export function isPlanStance(stance: string): boolean {
  return stance === 'plan' || stance === 'goal';
}

/**
 * Scores every forecaster's standing forecasts on one question.
 *
 * @remarks
 * Only a `resolved` question with an outcome is scored (annulled and ambiguous ones never are): each
 * forecaster with a forecast made before the close gets one row, time-weighted as
 * {@link scorePredictionWith} does; `coverage` is measured against the first forecast by anyone
 * before the close; on a binary question that is not a plan or goal, peer and relative Brier scores
 * compare every scored forecaster's time-weighted log and Brier scores once two or more scored. A
 * withdrawn forecast counts until its withdrawal (`standingWeights`); coverage leaves out the gaps
 * a withdrawal left.
 * The result does not depend on the order of `forecasts` (exactly rounded sums, weights by time then id).
 *
 * @param record - the question with its status and current resolution
 * @param forecasts - every forecast on it that ever stood, a withdrawn one with its `withdrawnAt` (it counts until then),
 *   aggregates' computed ones included
 * @param o - resolved scoring options
 * @param only - when given, the row of this forecaster alone (the others are still scored for the relative scores)
 * @returns one row per scored forecaster, in order of first appearance in `forecasts`
 * @internal
 */
export function scoreQuestion(record: QuestionRecord, forecasts: readonly ScoringForecast[], o: ResolvedScoringOptions, only?: string): QuestionScore[] {
  const resolution = record.resolution;
  if (record.status !== 'resolved' || !resolution?.outcome) return [];
  const q = record.question;
  const close = questionClose(q.resolution.resolveOn, resolution.resolvedOn);
  const byForecaster = new Map<string, ScoringForecast[]>();
  let opened = Infinity;
  for (const f of forecasts) {
    if (!madeBeforeClose(f.madeAt, close)) continue;
    const t = instantOf(f.madeAt);
    if (t < opened) opened = t;
    const list = byForecaster.get(f.forecasterId);
    if (list) list.push(f);
    else byForecaster.set(f.forecasterId, [f]);
  }
  const plan = isPlanStance(q.stance);
  const relativeToo = q.kind === 'binary' && !plan;
  const outcome = { outcome: resolution.outcome, resolvedOn: resolution.resolvedOn };
  const rows: { forecasterId: string; score: PredictionScore; coverage: number }[] = [];
  for (const [forecasterId, standing] of byForecaster) {
    if (only !== undefined && forecasterId !== only && !relativeToo) continue;
    const coverage = close.at > opened ? coveredTime(standing, close) / (close.at - opened) : 1;
    rows.push({ forecasterId, score: scorePredictionWith(q, standing, outcome, o), coverage });
  }
  const section: ScoreSection = plan ? 'plan-goal' : 'forecast';
  const relative = relativeToo && rows.length >= 2 ? relativeScoresOf(rows.map((r) => r.score)) : undefined;
  const out: QuestionScore[] = [];
  rows.forEach((row, i) => {
    if (only !== undefined && row.forecasterId !== only) return;
    out.push({
      questionId: q.id,
      forecasterId: row.forecasterId,
      section,
      score: row.score,
      coverage: row.coverage,
      ...(relative ? { relative: relative[i]! } : {}),
    });
  });
  return out;
}

/**
 * How long some forecast of the forecaster stood before the close: from their first forecast, less
 * the gaps a withdrawal left (see `standingWeights`).
 */
function coveredTime(standing: readonly ScoringForecast[], close: QuestionClose): number {
  if (standing.some((f) => f.withdrawnAt !== undefined)) return sum(standingWeights(standing, new Date(close.at)).map((w) => w.to - w.from));
  let own = Infinity;
  for (const f of standing) own = Math.min(own, instantOf(f.madeAt));
  return close.at - own;
}

/** Peer scores (of the log scores) and relative Brier scores of forecasters scored on one question. */
function relativeScoresOf(scores: readonly PredictionScore[]): { peerScore: number; relativeBrier: number; peers: number }[] {
  const peer = peerScores(scores.map((s) => -s.logLoss!));
  const relative = relativeBrierScores(scores.map((s) => s.brier!));
  return scores.map((_, i) => ({ peerScore: peer[i]!, relativeBrier: relative[i]!, peers: scores.length - 1 }));
}
