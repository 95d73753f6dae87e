import { z } from 'zod';
import type { BrierScale } from '../brier-score.js';
import { MAX_BINS, invalidInput } from '../_internal/validate.js';
import { optionsSchema } from '../../_internal/validate-args.js';

/** How a numeric or date plan/goal counts as achieved, as an `as const` tuple. */
export const PLAN_RULES = ['reach', 'hit'] as const;
/**
 * `reach` (default): a plan or goal is achieved when the outcome reaches the target — a numeric
 * outcome at least the target less the tolerance (overshooting counts as achieved), a date on or
 * before the end of its window; `hit`: the same within-tolerance / inside-the-range rule as forecasts.
 */
export type PlanRule = (typeof PLAN_RULES)[number];

/**
 * The options of fair scoring for claims that are not probabilities.
 *
 * @remarks
 * Every field is optional; {@link DEFAULT_SCORING_OPTIONS} holds the defaults, and `docs/scoring.md`
 * says why each was chosen. A question's own `spec.tolerance` (numeric) or `spec.toleranceDays`
 * (date) overrides the corresponding default for that question.
 */
export interface ScoringOptions {
  /**
   * Relative tolerance for a numeric point claim to count as a hit: |estimate − outcome| ≤
   * tolerance × |outcome|. Default 0.1 (±10 %). Overridden per question by `spec.tolerance`.
   */
  readonly numericTolerance?: number;
  /**
   * The coverage a range claim is taken to mean when it states none (a bare "2,000 to 3,000"), used
   * for the interval score with α = 1 − level. Default 0.8, in (0, 1).
   */
  readonly defaultIntervalLevel?: number;
  /**
   * Days either side of a date point claim within which it counts as a hit, when the claim gives no
   * earliest/latest date. Default 90. Overridden per question by `spec.toleranceDays`.
   */
  readonly dateToleranceDays?: number;
  /** How numeric and date plans/goals count as achieved; see {@link PlanRule}. Default `reach`. */
  readonly planRule?: PlanRule;
  /** The Brier scale: `'0-1'` (default, (p − o)²) or `'0-2'` (Fatebook's and GJOpen's 2(p − o)²). */
  readonly brierScale?: BrierScale;
  /**
   * Probabilities are clipped to [ε, 1 − ε] before taking logarithms (log loss and peer score), so
   * a confident miss costs a large finite amount. Default 0.001, the 0.1 %–99.9 % bounds Metaculus
   * puts on binary predictions.
   */
  readonly logEpsilon?: number;
  /** Equal-width bins of the calibration curve and Brier decomposition. Default 10. */
  readonly calibrationBins?: number;
}

/**
 * The defaults of {@link ScoringOptions}, in one place.
 *
 * @remarks
 * `numericTolerance` 0.1: ±10 % is the usual "about right" band for economic point forecasts;
 * `defaultIntervalLevel` 0.8: a bare range from a pundit reads as "most likely between", which is
 * closer to an 80 % than a 50 % or 95 % interval; `dateToleranceDays` 90: one quarter either side,
 * the precision most dated claims ("by mid-2027") carry; `planRule` `reach`; `brierScale` `'0-1'`;
 * `logEpsilon` 0.001 (Metaculus's 0.1 %–99.9 % bounds); `calibrationBins` 10.
 *
 * @example
 * ```ts
 * DEFAULT_SCORING_OPTIONS.numericTolerance; //=> 0.1
 * DEFAULT_SCORING_OPTIONS.defaultIntervalLevel; //=> 0.8
 * ```
 *
 * @see docs/scoring.md
 */
export const DEFAULT_SCORING_OPTIONS: Readonly<Required<ScoringOptions>> = Object.freeze({
  numericTolerance: 0.1,
  defaultIntervalLevel: 0.8,
  dateToleranceDays: 90,
  planRule: 'reach',
  brierScale: '0-1',
  logEpsilon: 0.001,
  calibrationBins: 10,
});

/**
 * The keys of {@link ScoringOptions}, each read as given: `resolveScoringOptions` checks the values
 * (with messages that say the range), these schemas check that no unknown key is passed.
 *
 * @internal
 */
export const SCORING_OPTION_SHAPE = {
  numericTolerance: z.unknown().optional(),
  defaultIntervalLevel: z.unknown().optional(),
  dateToleranceDays: z.unknown().optional(),
  planRule: z.unknown().optional(),
  brierScale: z.unknown().optional(),
  logEpsilon: z.unknown().optional(),
  calibrationBins: z.unknown().optional(),
} satisfies { [K in keyof ScoringOptions]-?: z.ZodType };

/** The options of `scoreClaim` and `scorePrediction`. @internal */
export const ScoringOptionsArg = optionsSchema<ScoringOptions>()(SCORING_OPTION_SHAPE);

/** {@link ScoringOptions} with every default applied and checked. @internal */
export type ResolvedScoringOptions = Readonly<Required<ScoringOptions>>;

/**
 * Applies the defaults and validates every option.
 *
 * @throws LedgerError `validation_failed` when an option is out of range
 * @internal
 */
export function resolveScoringOptions(fn: string, options: ScoringOptions = {}): ResolvedScoringOptions {
  const given = options as Record<string, unknown>;
  const o = Object.fromEntries(
    Object.entries(DEFAULT_SCORING_OPTIONS).map(([key, fallback]) => [key, given[key] === undefined ? fallback : given[key]]),
  ) as Required<ScoringOptions>;
  // typeof first: a comparison would convert an object (and throw a TypeError for one it cannot convert).
  const isNumber = (v: unknown): v is number => typeof v === 'number';
  if (!(isNumber(o.numericTolerance) && o.numericTolerance >= 0 && Number.isFinite(o.numericTolerance)))
    throw invalidInput(fn, 'options.numericTolerance', 'to be a finite number ≥ 0', o.numericTolerance);
  if (!(isNumber(o.defaultIntervalLevel) && o.defaultIntervalLevel > 0 && o.defaultIntervalLevel < 1))
    throw invalidInput(fn, 'options.defaultIntervalLevel', 'in the open interval (0, 1)', o.defaultIntervalLevel);
  if (!(Number.isInteger(o.dateToleranceDays) && o.dateToleranceDays >= 0))
    throw invalidInput(fn, 'options.dateToleranceDays', 'to be an integer ≥ 0', o.dateToleranceDays);
  if (!PLAN_RULES.includes(o.planRule)) throw invalidInput(fn, 'options.planRule', 'to be "reach" or "hit"', o.planRule);
  if (o.brierScale !== '0-1' && o.brierScale !== '0-2') throw invalidInput(fn, 'options.brierScale', 'to be "0-1" or "0-2"', o.brierScale);
  if (!(isNumber(o.logEpsilon) && o.logEpsilon > 0 && o.logEpsilon < 0.5))
    throw invalidInput(fn, 'options.logEpsilon', 'in the open interval (0, 0.5)', o.logEpsilon);
  if (!(Number.isInteger(o.calibrationBins) && o.calibrationBins >= 1 && o.calibrationBins <= MAX_BINS))
    throw invalidInput(fn, 'options.calibrationBins', `to be an integer from 1 to ${MAX_BINS.toLocaleString('en-US')}`, o.calibrationBins);
  return Object.freeze(o);
}
