import { LedgerError } from '../errors.js';
import { assertFinite } from './_internal/validate.js';

/**
 * The absolute percentage error of a numeric estimate, as a fraction of the actual value.
 *
 * @remarks
 * APE = |e − a| / |a|, returned as a fraction (0.05 means 5 %). **Lower is better**; range [0, ∞).
 * Scale-free, but undefined for a = 0 (this function throws) and asymmetric: for positive
 * quantities an underestimate can cost at most 1 while an overestimate is unbounded, so minimising
 * it rewards estimates that are too low (Tofallis 2015). Prefer {@link logAccuracyRatio} to compare
 * forecasters across quantities; use this when a percentage is what the audience expects.
 *
 * Valid input: finite numbers with `actual` ≠ 0.
 *
 * @param estimate - the forecast value e
 * @param actual - the value that materialised a, not 0
 * @returns |e − a| / |a|, ≥ 0; lower is better
 * @throws LedgerError `validation_failed` when either argument is not a finite number or `actual` is 0
 *
 * @example
 * ```ts
 * absolutePercentageError(105, 100); //=> 0.05
 * absolutePercentageError(90, 120); //=> 0.25
 * ```
 *
 * @see Hyndman, R. J. & Koehler, A. B. (2006). Another look at measures of forecast accuracy.
 *   International Journal of Forecasting 22(4):679–688.
 * @see Tofallis, C. (2015). A better measure of relative prediction accuracy for model selection
 *   and model estimation. Journal of the Operational Research Society 66(8):1352–1362.
 */
export function absolutePercentageError(estimate: number, actual: number): number {
  assertFinite('absolutePercentageError', 'estimate', estimate);
  assertFinite('absolutePercentageError', 'actual', actual);
  if (actual === 0) {
    throw new LedgerError(
      'validation_failed',
      'absolutePercentageError: expected actual ≠ 0, received 0; a percentage error of a zero outcome is undefined. Use absoluteError instead.',
      { details: { function: 'absolutePercentageError', field: 'actual', received: actual } },
    );
  }
  return Math.abs(estimate - actual) / Math.abs(actual);
}
