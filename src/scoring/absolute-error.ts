import { assertFinite } from './_internal/validate.js';

/**
 * The absolute error of a numeric estimate.
 *
 * @remarks
 * AE = |e − a|, in the units of the quantity. **Lower is better**; 0 is exact; range [0, ∞). It is
 * the right score for a point forecast meant as a median (its expectation is minimised by the
 * median of the forecaster's distribution); compare only estimates of the same quantity, since it is
 * not scale-free (see {@link absolutePercentageError} and {@link logAccuracyRatio} for relative
 * errors). Equivalent to {@link crpsEnsemble} with a single member and to twice
 * {@link pinballLoss} at τ = 0.5.
 *
 * Valid input: two finite numbers.
 *
 * @param estimate - the forecast value e
 * @param actual - the value that materialised a
 * @returns |e − a|, ≥ 0; lower is better
 * @throws LedgerError `validation_failed` when either argument is not a finite number
 *
 * @example
 * ```ts
 * absoluteError(105, 100); //=> 5
 * absoluteError(-2.5, 1); //=> 3.5
 * ```
 *
 * @see Gneiting, T. (2011). Making and evaluating point forecasts. Journal of the American
 *   Statistical Association 106(494):746–762.
 */
export function absoluteError(estimate: number, actual: number): number {
  assertFinite('absoluteError', 'estimate', estimate);
  assertFinite('absoluteError', 'actual', actual);
  return Math.abs(estimate - actual);
}
