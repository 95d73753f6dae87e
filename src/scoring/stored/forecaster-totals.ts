/**
 * A forecaster's running totals over their scored questions: what a leaderboard row is made of,
 * kept exactly so that adding and removing question scores in any order gives the same figures as
 * summing them afresh.
 *
 * @internal
 * @module
 */
import type { ClaimVerdict } from '../claims/score-prediction.js';
import { ExactSum } from '../_internal/sum.js';
import type { QuestionScore } from './score-question.js';

/** The figures of one question score that the leaderboard adds up (forecast questions only). @internal */
export interface ScoreFigures {
  readonly verdict: ClaimVerdict;
  /** Time-weighted Brier score and log loss, on a binary question. */
  readonly brier?: number;
  readonly logLoss?: number;
  /** On a binary question others scored on too. */
  readonly peerScore?: number;
  readonly relativeBrier?: number;
}

/** The {@link ScoreFigures} of a question score, or `undefined` for a plan or goal (never ranked). @internal */
export function figuresOf(row: QuestionScore): ScoreFigures | undefined {
  if (row.section !== 'forecast') return undefined;
  const binary = row.score.kind === 'binary';
  return {
    verdict: row.score.verdict,
    ...(binary ? { brier: row.score.brier!, logLoss: row.score.logLoss! } : {}),
    ...(row.relative ? { peerScore: row.relative.peerScore, relativeBrier: row.relative.relativeBrier } : {}),
  };
}

/** One forecaster's totals: counts, and exactly rounded sums (see {@link ExactSum}). @internal */
export interface ForecasterTotals {
  hits: number;
  misses: number;
  noCalls: number;
  /** Binary questions scored (the Brier and log-loss sums' count). */
  binary: number;
  /** Questions with peer and relative Brier scores. */
  relativeQuestions: number;
  readonly brier: ExactSum;
  readonly logLoss: ExactSum;
  readonly peerScore: ExactSum;
  readonly relativeBrier: ExactSum;
}

/** Totals of nothing. @internal */
export function emptyTotals(): ForecasterTotals {
  return {
    hits: 0,
    misses: 0,
    noCalls: 0,
    binary: 0,
    relativeQuestions: 0,
    brier: new ExactSum(),
    logLoss: new ExactSum(),
    peerScore: new ExactSum(),
    relativeBrier: new ExactSum(),
  };
}

/**
 * Adds one question's figures to the totals (`sign` 1), or takes them out again (`sign` −1, when a
 * stored score is replaced): the sums stay exact, so the result is the same in any order.
 *
 * @internal
 */
export function addFigures(t: ForecasterTotals, f: ScoreFigures, sign: 1 | -1 = 1): void {
  if (f.verdict === 'hit') t.hits += sign;
  else if (f.verdict === 'miss') t.misses += sign;
  else t.noCalls += sign;
  if (f.brier !== undefined) {
    t.binary += sign;
    t.brier.add(sign * f.brier);
    t.logLoss.add(sign * f.logLoss!);
  }
  if (f.peerScore !== undefined) {
    t.relativeQuestions += sign;
    t.peerScore.add(sign * f.peerScore);
    t.relativeBrier.add(sign * f.relativeBrier!);
  }
}

/** How many resolved, scored forecast questions the totals hold. @internal */
export function resolvedOf(t: ForecasterTotals): number {
  return t.hits + t.misses + t.noCalls;
}
