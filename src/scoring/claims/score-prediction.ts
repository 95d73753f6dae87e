import type { Forecast } from '../../model/forecast.js';
import type { Question } from '../../model/question.js';
import type { Outcome } from '../../model/resolution.js';
import { questionClose } from '../../core/time-rules.js';
import { standingWeights } from '../time-weighted.js';
import { sum } from '../_internal/sum.js';
import { assertObject, guardInput } from '../_internal/validate.js';
import { parseArg } from '../../_internal/validate-args.js';
import { scoreClaimWith, type ClaimScore } from './score-claim.js';
import { resolveScoringOptions, ScoringOptionsArg, type ResolvedScoringOptions, type ScoringOptions } from './scoring-options.js';

/** The verdicts of a scored claim, as an `as const` tuple. */
export const CLAIM_VERDICTS = ['hit', 'miss', 'no-call'] as const;
/** `hit` or `miss`: the claim was right (or wrong) for more than half of its standing time; `no-call`: exactly half, or p = 0.5. */
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/** A forecast as far as scoring a prediction needs it. */
export type ScorableForecast = Pick<Forecast, 'madeAt' | 'estimate' | 'confidence'> & { readonly id?: string };

/**
 * One forecaster's score on one resolved question: every metric time-weighted over their standing
 * forecasts (see {@link scorePrediction}); a metric is absent when the claims do not support it.
 */
export interface PredictionScore {
  /** The question's kind. */
  readonly kind: Question['kind'];
  /** The close instant used: the end (24:00 UTC) of min(resolveOn, resolvedOn). */
  readonly closeAt: string;
  /** How many of the forecaster's forecasts were made before the close and scored. */
  readonly forecasts: number;
  /** Time-weighted share of the period in which the standing claim was a hit (a no-call counts ½). */
  readonly hitFraction: number;
  /** `hit` when hitFraction > ½, `miss` when < ½, `no-call` at exactly ½. */
  readonly verdict: ClaimVerdict;
  /** Time-weighted share of the period in which the claim, read as a plan or goal, was achieved. */
  readonly achievedFraction: number;
  /** Binary: time-weighted probability of yes. Categorical: of the option that happened. */
  readonly probability?: number;
  /** Whether every scored binary probability was stated (else at least one was implied by wording). */
  readonly probabilitySource?: 'stated' | 'implied';
  /** Binary: time-weighted Brier score; lower is better. */
  readonly brier?: number;
  /** Binary and categorical: time-weighted log loss; lower is better. */
  readonly logLoss?: number;
  /** Numeric point claims: time-weighted absolute error (question's unit); lower is better. */
  readonly absoluteError?: number;
  /** Numeric point claims: time-weighted absolute percentage error; lower is better. */
  readonly absolutePercentageError?: number;
  /** Numeric point claims: time-weighted log accuracy ratio |ln(e/x)|; lower is better. */
  readonly logAccuracyRatio?: number;
  /** Point claims: time-weighted share of the period the standing point was within tolerance. */
  readonly pointHitFraction?: number;
  /** Range claims: time-weighted interval score; lower is better. */
  readonly intervalScore?: number;
  /** Range claims: time-weighted share of the period the outcome lay inside the standing range. */
  readonly intervalHitFraction?: number;
  /** Range claims: time-weighted nominal level of the ranges. */
  readonly intervalLevel?: number;
  /** Quantile claims: time-weighted mean pinball loss; lower is better. */
  readonly meanPinballLoss?: number;
  /** Date claims: time-weighted signed error in days (positive = later than claimed). */
  readonly errorDays?: number;
  /** The score of the forecast standing at the close (when the forecaster withdrew before the close: of the last one that stood). */
  readonly final: ClaimScore;
}

type Metric = (s: ClaimScore) => number | undefined;

const METRICS = {
  probability: (s) => (s.kind === 'binary' || s.kind === 'categorical' ? s.probability : undefined),
  brier: (s) => (s.kind === 'binary' ? s.brier : undefined),
  logLoss: (s) => (s.kind === 'binary' || s.kind === 'categorical' ? s.logLoss : undefined),
  absoluteError: (s) => (s.kind === 'numeric' ? s.point?.absoluteError : undefined),
  absolutePercentageError: (s) => (s.kind === 'numeric' ? s.point?.absolutePercentageError : undefined),
  logAccuracyRatio: (s) => (s.kind === 'numeric' ? s.point?.logAccuracyRatio : undefined),
  pointHitFraction: (s) => (s.kind === 'numeric' && s.point ? Number(s.point.hit) : undefined),
  intervalScore: (s) => (s.kind === 'numeric' ? s.interval?.intervalScore : undefined),
  intervalHitFraction: (s) => (s.kind === 'numeric' && s.interval ? Number(s.interval.hit) : undefined),
  intervalLevel: (s) => (s.kind === 'numeric' ? s.interval?.level : undefined),
  meanPinballLoss: (s) => (s.kind === 'numeric' ? s.quantiles?.meanPinballLoss : undefined),
  errorDays: (s) => (s.kind === 'date' ? s.errorDays : undefined),
} satisfies Record<string, Metric>;

/** {@link METRICS} as [name, metric] pairs, listed once: scoring a prediction walks them for every forecaster on every question. */
const METRIC_ENTRIES: readonly (readonly [string, Metric])[] = Object.entries(METRICS);

function hitValue(s: ClaimScore): number {
  return s.hit === null ? 0.5 : Number(s.hit);
}

/**
 * Scores one forecaster's claim on one resolved question: each metric is the time-weighted average
 * over the forecasts they had standing, from their first forecast to the close.
 *
 * @remarks
 * The close is the end (24:00 UTC) of min(resolveOn, resolvedOn): a question that resolves early
 * closes when it resolved. Weights are those of {@link standingWeights} (they sum to 1); each
 * forecast is scored by {@link scoreClaim} and every metric is Σ weightᵢ · metricᵢ, e.g. the
 * time-weighted Brier score. A metric is reported only when every standing forecast has it (an
 * update from a point to a range drops the point metrics). The verdict is time-weighted too: a claim
 * is a **hit** when it was right for more than half of its standing time, a **miss** for less than
 * half, and **no call** at exactly half (a lone p = 0.5 is no call). Plans and goals use
 * `achievedFraction` the same way. Forecasts made at or after the close are not scored.
 *
 * @param question - the question
 * @param forecasts - one forecaster's forecasts on it, in any order
 * @param resolution - the current resolution's outcome and date
 * @param options - see {@link ScoringOptions}
 * @returns the time-weighted score
 * @throws LedgerError `validation_failed` when no forecast was made before the close, kinds do not match,
 *   or an option is out of range
 *
 * @example
 * ```ts
 * const q = { kind: 'binary', stance: 'forecast', resolution: { resolveOn: '2025-01-04' } };
 * const fs = [
 *   { id: 'a', madeAt: '2025-01-01', estimate: { kind: 'binary', probability: 0.5 } },
 *   { id: 'b', madeAt: '2025-01-03', estimate: { kind: 'binary', probability: 1 } },
 * ];
 * // 0.5 stands Jan 1–3 (2 days), 1 stands Jan 3 to the end of Jan 4 (2 days): Brier ½·0.25 + ½·0
 * scorePrediction(q, fs, { outcome: { kind: 'binary', value: true }, resolvedOn: '2025-01-10' }).brier; //=> 0.125
 * ```
 *
 * @see Metaculus, Scores FAQ, "Do all my predictions on a question count toward my score?"
 *   https://www.metaculus.com/help/scores-faq/#time-averaging
 */
export function scorePrediction(
  question: Pick<Question, 'kind' | 'stance'> & { resolution: Pick<Question['resolution'], 'resolveOn'>; spec?: unknown },
  forecasts: readonly ScorableForecast[],
  resolution: { readonly outcome: Outcome; readonly resolvedOn?: string },
  options: ScoringOptions = {},
): PredictionScore {
  const fn = 'scorePrediction';
  const o = resolveScoringOptions(fn, (parseArg(fn, 'options', ScoringOptionsArg, options) ?? {}) as ScoringOptions);
  assertObject(fn, 'question', question, 'a question { kind, stance, resolution: { resolveOn }, spec? }');
  assertObject(fn, 'resolution', resolution, 'a resolution { outcome, resolvedOn? }');
  return guardInput(fn, 'question, forecasts and resolution', 'a question, its forecasts and its resolution', () =>
    scorePredictionWith(question as Question, forecasts, resolution, o),
  );
}

/** {@link scorePrediction} with options already resolved. @internal */
export function scorePredictionWith(
  question: Question,
  forecasts: readonly ScorableForecast[],
  resolution: { readonly outcome: Outcome; readonly resolvedOn?: string },
  o: ResolvedScoringOptions,
): PredictionScore {
  const close = questionClose(question.resolution.resolveOn, resolution.resolvedOn).at;
  const all = standingWeights(forecasts, new Date(close));
  const weights = all.filter((w) => w.weight > 0);
  const scored = weights.map((w) => ({ weight: w.weight, score: scoreClaimWith(question, w.forecast, resolution.outcome, o) }));
  // One scored forecast (the common case) has weight 1: each metric is its claim's own, with no arrays built.
  const only = scored.length === 1 ? scored[0]!.score : undefined;
  const weighted = (metric: (s: ClaimScore) => number | undefined): number | undefined => {
    if (only) return metric(only);
    const values = scored.map((s) => metric(s.score));
    if (values.some((v) => v === undefined)) return undefined;
    return sum(values.map((v, i) => v! * scored[i]!.weight));
  };
  const hitFraction = weighted(hitValue)!;
  const achievedFraction = weighted((s) => Number(s.achieved))!;
  const metrics: Record<string, number> = {};
  for (const [name, metric] of METRIC_ENTRIES) {
    const value = weighted(metric);
    if (value !== undefined) metrics[name] = value;
  }
  // 'stated' when every scored binary probability was stated, 'implied' when one was not, absent when none is binary.
  let probabilitySource: 'stated' | 'implied' | undefined;
  for (const s of scored) if (s.score.kind === 'binary' && probabilitySource !== 'implied') probabilitySource = s.score.probabilitySource;
  return {
    kind: question.kind,
    closeAt: new Date(close).toISOString(),
    forecasts: all.length,
    hitFraction,
    verdict: hitFraction > 0.5 ? 'hit' : hitFraction < 0.5 ? 'miss' : 'no-call',
    achievedFraction,
    ...metrics,
    ...(probabilitySource ? { probabilitySource } : {}),
    final: scored[scored.length - 1]!.score,
  };
}
