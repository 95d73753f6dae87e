import type { Forecast } from '../../model/forecast.js';
import type { Question } from '../../model/question.js';
import type { Outcome } from '../../model/resolution.js';
import { absoluteError } from '../absolute-error.js';
import { absolutePercentageError } from '../absolute-percentage-error.js';
import { brierScore } from '../brier-score.js';
import { dateErrorDays } from '../date-error-days.js';
import { intervalScore } from '../interval-score.js';
import { logAccuracyRatio } from '../log-accuracy-ratio.js';
import { logLossWith } from '../log-loss.js';
import { pinballLoss } from '../pinball-loss.js';
import { assertObject, guardInput, invalidInput } from '../_internal/validate.js';
import { parseArg } from '../../_internal/validate-args.js';
import { claimProbabilityOf, type ProbabilitySource } from './claim-probability.js';
import { resolveScoringOptions, ScoringOptionsArg, type ResolvedScoringOptions, type ScoringOptions } from './scoring-options.js';
import { maxOf } from '../../_internal/arrays.js';

/** The score of one binary claim. */
export interface BinaryClaimScore {
  readonly kind: 'binary';
  /** The probability of yes it was scored at. */
  readonly probability: number;
  /** Whether that probability was `stated` or `implied` by the wording. */
  readonly probabilitySource: ProbabilitySource;
  /** The outcome. */
  readonly outcome: boolean;
  /** Brier score on the chosen scale; lower is better. */
  readonly brier: number;
  /** Log loss −ln p(outcome), p clipped to [ε, 1 − ε]; lower is better. */
  readonly logLoss: number;
  /** The side it favoured happened (p > 0.5 and yes, or p < 0.5 and no); `null` for p = 0.5 (no call). */
  readonly hit: boolean | null;
  /** For a plan or goal: whether it was achieved (the question resolved yes). */
  readonly achieved: boolean;
}

/** The point part of a numeric claim's score. */
export interface PointScore {
  readonly estimate: number;
  /** |estimate − outcome|, in the question's unit; lower is better. */
  readonly absoluteError: number;
  /** |estimate − outcome| / |outcome|; absent when the outcome is 0. Lower is better. */
  readonly absolutePercentageError?: number;
  /** |ln(estimate / outcome)|; absent unless both are > 0. Lower is better. */
  readonly logAccuracyRatio?: number;
  /** The relative tolerance used (the question's `spec.tolerance` or the default). */
  readonly tolerance: number;
  /** |estimate − outcome| ≤ tolerance × |outcome|. */
  readonly hit: boolean;
}

/** The range part of a numeric claim's score. */
export interface IntervalClaimScore {
  readonly lower: number;
  readonly upper: number;
  /** The coverage the range was read as. */
  readonly level: number;
  /** `stated` with the claim, or the `default` for bare ranges. */
  readonly levelSource: 'stated' | 'default';
  /** Interval score with α = 1 − level; lower is better. */
  readonly intervalScore: number;
  /** lower ≤ outcome ≤ upper. */
  readonly hit: boolean;
}

/** The quantile part of a numeric claim's score. */
export interface QuantileClaimScore {
  /** How many quantiles were given. */
  readonly count: number;
  /** Mean pinball loss over the quantiles; lower is better. */
  readonly meanPinballLoss: number;
  /** The outcome lies between the lowest and the highest quantile. */
  readonly hit: boolean;
}

/** The score of one numeric claim: whichever of point, range and quantiles it gave. */
export interface NumericClaimScore {
  readonly kind: 'numeric';
  readonly outcome: number;
  readonly point?: PointScore;
  readonly interval?: IntervalClaimScore;
  readonly quantiles?: QuantileClaimScore;
  /** The range's hit when there is a range, else the point's, else the quantiles'. */
  readonly hit: boolean;
  /** Which part decided `hit`. */
  readonly hitBasis: 'interval' | 'point' | 'quantiles';
  /** For a plan or goal: achieved under the plan rule. */
  readonly achieved: boolean;
}

/** The score of one date claim. */
export interface DateClaimScore {
  readonly kind: 'date';
  /** The date the event happened. */
  readonly outcome: string;
  /** The window the claim counts as a hit in: earliest..latest, or point ± toleranceDays; an open end is absent. */
  readonly window: { readonly start?: string; readonly end?: string };
  /** Signed error in days, positive when the event came later than claimed (vs the point, else vs the window: 0 inside). */
  readonly errorDays: number;
  /** What `errorDays` is measured against. */
  readonly errorBasis: 'point' | 'window';
  /** The outcome fell inside the window. */
  readonly hit: boolean;
  /** For a plan or goal: achieved under the plan rule. */
  readonly achieved: boolean;
}

/** The score of one categorical claim. */
export interface CategoricalClaimScore {
  readonly kind: 'categorical';
  /** The option that happened. */
  readonly outcome: string;
  /** The probability the claim gave to that option (0 when it gave none). */
  readonly probability: number;
  /** −ln p(outcome), clipped; lower is better. */
  readonly logLoss: number;
  /** The option given the highest probability happened; `null` when several tie for highest. */
  readonly hit: boolean | null;
  /** For a plan or goal: the favoured option happened. */
  readonly achieved: boolean;
}

/** The score of one claim (one forecast against its question's outcome), by kind. */
export type ClaimScore = BinaryClaimScore | NumericClaimScore | DateClaimScore | CategoricalClaimScore;

const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function scoreBinary(forecast: Pick<Forecast, 'estimate' | 'confidence'>, outcome: boolean, o: ResolvedScoringOptions): BinaryClaimScore {
  const { probability, source } = claimProbabilityOf(forecast);
  return {
    kind: 'binary',
    probability,
    probabilitySource: source,
    outcome,
    // The per-claim path: options already resolved, so no options objects to read (see readOptions).
    brier: (o.brierScale === '0-2' ? 2 : 1) * brierScore(probability, outcome),
    logLoss: logLossWith(probability, outcome, o.logEpsilon),
    hit: probability === 0.5 ? null : probability > 0.5 === outcome,
    achieved: outcome,
  };
}

function scorePoint(estimate: number, actual: number, tolerance: number): PointScore {
  const error = absoluteError(estimate, actual);
  return {
    estimate,
    absoluteError: error,
    ...(actual !== 0 ? { absolutePercentageError: absolutePercentageError(estimate, actual) } : {}),
    ...(estimate > 0 && actual > 0 ? { logAccuracyRatio: logAccuracyRatio(estimate, actual) } : {}),
    tolerance,
    hit: error <= tolerance * Math.abs(actual),
  };
}

function scoreNumeric(
  question: Extract<Question, { kind: 'numeric' }>,
  estimate: Extract<Forecast['estimate'], { kind: 'numeric' }>,
  actual: number,
  o: ResolvedScoringOptions,
  plan: boolean,
): NumericClaimScore {
  const tolerance = question.spec.tolerance ?? o.numericTolerance;
  const point = estimate.point === undefined ? undefined : scorePoint(estimate.point, actual, tolerance);
  let interval: IntervalClaimScore | undefined;
  if (estimate.interval) {
    const { lower, upper } = estimate.interval;
    const level = estimate.interval.level ?? o.defaultIntervalLevel;
    interval = {
      lower,
      upper,
      level,
      levelSource: estimate.interval.level === undefined ? 'default' : 'stated',
      intervalScore: intervalScore(lower, upper, actual, 1 - level),
      hit: lower <= actual && actual <= upper,
    };
  }
  let quantiles: QuantileClaimScore | undefined;
  if (estimate.quantiles) {
    const qs = estimate.quantiles;
    const losses = qs.map((q) => pinballLoss(q.value, q.tau, actual));
    quantiles = {
      count: qs.length,
      meanPinballLoss: losses.reduce((a, b) => a + b, 0) / qs.length,
      hit: qs[0]!.value <= actual && actual <= qs[qs.length - 1]!.value,
    };
  }
  const decided = interval
    ? { hit: interval.hit, hitBasis: 'interval' as const }
    : point
      ? { hit: point.hit, hitBasis: 'point' as const }
      : { hit: quantiles!.hit, hitBasis: 'quantiles' as const };
  // Plans and goals under `reach`: the outcome got to the target (less the tolerance); overshooting counts.
  const target = point ? point.estimate - tolerance * Math.abs(point.estimate) : interval ? interval.lower : medianQuantile(estimate.quantiles!);
  const achieved = plan && o.planRule === 'reach' ? actual >= target : decided.hit;
  return {
    kind: 'numeric',
    outcome: actual,
    ...(point ? { point } : {}),
    ...(interval ? { interval } : {}),
    ...(quantiles ? { quantiles } : {}),
    ...decided,
    achieved,
  };
}

function medianQuantile(quantiles: readonly { tau: number; value: number }[]): number {
  return quantiles.reduce((best, q) => (Math.abs(q.tau - 0.5) < Math.abs(best.tau - 0.5) ? q : best)).value;
}

function scoreDate(
  question: Extract<Question, { kind: 'date' }>,
  estimate: Extract<Forecast['estimate'], { kind: 'date' }>,
  actual: string,
  o: ResolvedScoringOptions,
): DateClaimScore {
  const days = question.spec.toleranceDays ?? o.dateToleranceDays;
  const start = estimate.earliest ?? (estimate.point !== undefined && estimate.latest === undefined ? shiftDate(estimate.point, -days) : undefined);
  const end = estimate.latest ?? (estimate.point !== undefined && estimate.earliest === undefined ? shiftDate(estimate.point, days) : undefined);
  const hit = (start === undefined || start <= actual) && (end === undefined || actual <= end);
  let errorDays: number;
  if (estimate.point !== undefined) errorDays = dateErrorDays(estimate.point, actual);
  else if (end !== undefined && actual > end) errorDays = dateErrorDays(end, actual);
  else if (start !== undefined && actual < start) errorDays = dateErrorDays(start, actual);
  else errorDays = 0;
  return {
    kind: 'date',
    outcome: actual,
    window: { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) },
    errorDays,
    errorBasis: estimate.point !== undefined ? 'point' : 'window',
    hit,
    // A dated plan is achieved when it happened by the end of its window (early counts).
    achieved: o.planRule === 'reach' ? end === undefined || actual <= end : hit,
  };
}

function scoreCategorical(estimate: Extract<Forecast['estimate'], { kind: 'categorical' }>, actual: string, o: ResolvedScoringOptions): CategoricalClaimScore {
  const probability = estimate.probabilities[actual] ?? 0;
  const values = Object.values(estimate.probabilities);
  const top = maxOf(values, 0);
  const hit = values.filter((p) => p === top).length > 1 ? null : probability === top && top > 0;
  return {
    kind: 'categorical',
    outcome: actual,
    probability,
    // ln of the probability given to what happened: the log loss of "yes" for that option.
    logLoss: logLossWith(probability, true, o.logEpsilon),
    hit,
    achieved: hit === true,
  };
}

/**
 * Scores one claim — a forecast of any kind — against its question's outcome, fairly for claims that
 * are not probabilities.
 *
 * @remarks
 * - **binary**: at the stated probability, else the one the wording implies
 *   ({@link claimProbability}); Brier (p − o)² and log loss −ln p(outcome) (p clipped to
 *   [ε, 1 − ε]); a hit when the favoured side happened (p = 0.5 is no call).
 * - **numeric point**: absolute error, absolute percentage error |e − x|/|x|, log accuracy ratio
 *   |ln(e/x)|; a hit when |e − x| ≤ tolerance·|x| (tolerance = `spec.tolerance` ?? option, default 0.1).
 * - **numeric range**: a hit when lower ≤ x ≤ upper; interval score with α = 1 − level (level = the
 *   stated one, else `defaultIntervalLevel`, default 0.8). A range decides the hit over a point.
 * - **quantiles**: mean pinball loss; a hit when x lies between the outermost quantiles.
 * - **date**: signed error in days (positive = later than claimed) against the point, else the
 *   window; a hit inside the window earliest..latest, or point ± toleranceDays (default 90).
 * - **categorical**: log loss of the option that happened; a hit when the favoured option happened.
 *
 * All losses: lower is better. `achieved` reads the claim as a plan or goal (see {@link PlanRule}).
 *
 * @param question - the question (its kind and spec)
 * @param forecast - the claim: its estimate and, for binary claims, its confidence wording
 * @param outcome - the outcome, of the question's kind
 * @param options - see {@link ScoringOptions}
 * @returns the claim's score, by kind
 * @throws LedgerError `validation_failed` when the kinds of question, estimate and outcome differ, or
 *   an option is out of range
 *
 * @example
 * ```ts
 * const copper = { kind: 'numeric', spec: { unit: 'USD/t', scale: 'linear' } };
 * scoreClaim(copper, { estimate: { kind: 'numeric', point: 11000 } }, { kind: 'numeric', value: 10000 }).point.hit; //=> true
 * // a 50% range 9,000–9,500 missed 10,000 by 500: width 500 + (2 / 0.5) × 500
 * scoreClaim(copper, { estimate: { kind: 'numeric', interval: { lower: 9000, upper: 9500, level: 0.5 } } }, { kind: 'numeric', value: 10000 }).interval.intervalScore; //=> 2500
 * ```
 *
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. JASA 102(477):359–378 (interval score, pinball loss).
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *   Weather Review 78(1):1–3.
 * @see Tofallis, C. (2015). A better measure of relative prediction accuracy. JORS 66(8):1352–1362
 *   (log accuracy ratio).
 */
export function scoreClaim(
  question: Pick<Question, 'kind'> & { spec?: unknown; stance?: Question['stance'] },
  forecast: Pick<Forecast, 'estimate' | 'confidence'>,
  outcome: Outcome,
  options: ScoringOptions = {},
): ClaimScore {
  const fn = 'scoreClaim';
  const o = resolveScoringOptions(fn, (parseArg(fn, 'options', ScoringOptionsArg, options) ?? {}) as ScoringOptions);
  assertObject(fn, 'question', question, 'a question { kind, spec?, stance? }');
  assertObject(fn, 'forecast', forecast, 'a forecast { estimate, confidence? }');
  assertObject(fn, 'outcome', outcome, 'an outcome { kind, value }');
  return guardInput(fn, 'question, forecast and outcome', 'a question, a forecast and an outcome of one kind', () =>
    scoreClaimWith(question as Question, forecast, outcome, o),
  );
}

/** The question with an empty `spec` when it has none (a spec-less numeric/date question uses every default). */
function withSpec(question: Question): Question {
  return 'spec' in question && question.spec ? question : ({ ...question, spec: {} } as Question);
}

/** {@link scoreClaim} with options already resolved (the hot path of scorecards). @internal */
export function scoreClaimWith(
  question: Question,
  forecast: Pick<Forecast, 'estimate' | 'confidence'>,
  outcome: Outcome,
  o: ResolvedScoringOptions,
): ClaimScore {
  const { estimate } = forecast;
  if (estimate.kind !== question.kind || outcome.kind !== question.kind) {
    throw invalidInput(
      'scoreClaim',
      'forecast.estimate.kind',
      `and outcome.kind to match the question's kind "${question.kind}"`,
      `${estimate.kind}/${outcome.kind}`,
    );
  }
  const plan = question.stance === 'plan' || question.stance === 'goal';
  switch (question.kind) {
    case 'binary':
      return scoreBinary(forecast, outcome.value as boolean, o);
    case 'numeric':
      return scoreNumeric(
        withSpec(question) as Extract<Question, { kind: 'numeric' }>,
        estimate as Extract<Forecast['estimate'], { kind: 'numeric' }>,
        outcome.value as number,
        o,
        plan,
      );
    case 'date':
      return scoreDate(
        withSpec(question) as Extract<Question, { kind: 'date' }>,
        estimate as Extract<Forecast['estimate'], { kind: 'date' }>,
        outcome.value as string,
        o,
      );
    case 'categorical':
      return scoreCategorical(estimate as Extract<Forecast['estimate'], { kind: 'categorical' }>, outcome.value as string, o);
  }
}
