import { assertBoolean, assertProbability, invalidInput, readOptions } from './_internal/validate.js';

/**
 * The two conventions for the Brier score of a yes/no question, as an `as const` tuple.
 *
 * @remarks
 * - `'0-1'`: (p − o)², Brier's score for the event alone, in [0, 1]; what scikit-learn's
 *   `brier_score_loss` and most of the verification literature report.
 * - `'0-2'`: 2(p − o)², Brier's original (1950) sum over both categories ("yes" and "no"):
 *   (p − o)² + ((1 − p) − (1 − o))², in [0, 2]; what Good Judgment Open and Fatebook report.
 *
 * @example
 * ```ts
 * BRIER_SCALES; //=> ['0-1', '0-2']
 * ```
 */
export const BRIER_SCALES = ['0-1', '0-2'] as const;

/** One of {@link BRIER_SCALES}. */
export type BrierScale = (typeof BRIER_SCALES)[number];

/** Options of {@link brierScore}. */
export interface BrierScoreOptions {
  /** `'0-1'` (default): (p − o)²; `'0-2'`: 2(p − o)², the two-category form. */
  readonly scale?: BrierScale;
}

/** Validates `options.scale` and returns the factor 1 or 2. @internal */
export function brierScaleFactor(fn: string, options: BrierScoreOptions | undefined): 1 | 2 {
  const scale = readOptions(fn, options, ['scale']).scale ?? '0-1';
  if (scale === '0-1') return 1;
  if (scale === '0-2') return 2;
  throw invalidInput(fn, 'options.scale', 'to be "0-1" or "0-2"', scale);
}

/**
 * The Brier score of one probability forecast of a yes/no event.
 *
 * @remarks
 * BS = (p − o)² on the default `'0-1'` scale and BS = 2(p − o)² on the `'0-2'` scale, where p is the
 * probability given to the event and o = 1 if it happened, 0 if not. **Lower is better**: 0 is a
 * perfect forecast, 0.25 (0.5 on `'0-2'`) is what p = 0.5 always scores, 1 (2) is a confident miss.
 * The Brier score is strictly proper: the expected score is minimised only by stating one's true
 * probability. Use {@link meanBrierScore} for many forecasts.
 *
 * Valid input: `probability` in [0, 1] (NaN is rejected); `outcome` a boolean.
 *
 * @param probability - the forecast probability that the event happens, in [0, 1]
 * @param outcome - `true` if the event happened
 * @param options - `scale`: `'0-1'` (default) or `'0-2'`
 * @returns the score, in [0, 1] (or [0, 2] on the `'0-2'` scale); lower is better
 * @throws LedgerError `validation_failed` when `probability` is outside [0, 1] or NaN, `outcome` is
 *   not a boolean, or `options.scale` is not one of {@link BRIER_SCALES}
 *
 * @example
 * ```ts
 * brierScore(0.75, true); //=> 0.0625
 * brierScore(0.75, false); //=> 0.5625
 * brierScore(0.75, false, { scale: '0-2' }); //=> 1.125
 * brierScore(0.5, true); //=> 0.25
 * ```
 *
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
 *   Monthly Weather Review 78(1):1–3.
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. Journal of the American Statistical Association 102(477):359–378.
 */
export function brierScore(probability: number, outcome: boolean, options?: BrierScoreOptions): number {
  assertProbability('brierScore', 'probability', probability);
  assertBoolean('brierScore', 'outcome', outcome);
  const factor = brierScaleFactor('brierScore', options);
  const d = probability - (outcome ? 1 : 0);
  return factor * (d * d);
}
