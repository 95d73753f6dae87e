import { assertPositive } from './_internal/validate.js';

/**
 * The absolute log accuracy ratio of a positive numeric estimate: how many "e-folds" it was off.
 *
 * @remarks
 * LAR = |ln(e / a)| (natural logarithm). **Lower is better**; 0 is exact; range [0, ∞). Symmetric in
 * ratio: estimating double or half the actual value both score ln 2 ≈ 0.693, unlike
 * {@link absolutePercentageError}, which punishes the double (1.0) far more than the half (0.5).
 * Tofallis (2015) recommends it for comparing accuracy across quantities of different sizes.
 * exp(LAR) − 1 is the error as a multiplicative factor (0.25 → 28 % off).
 *
 * Computed as |log1p((e − a)/a)| when e and a are within a factor of 2 of each other, so that
 * near-exact estimates keep full relative precision.
 *
 * Valid input: both arguments finite and > 0 (the ratio of a zero or negative quantity has no logarithm).
 *
 * @param estimate - the forecast value e, > 0
 * @param actual - the value that materialised a, > 0
 * @returns |ln(e / a)|, ≥ 0; lower is better
 * @throws LedgerError `validation_failed` when either argument is not a finite number > 0
 *
 * @example
 * ```ts
 * logAccuracyRatio(200, 100); //=> 0.6931471805599453
 * logAccuracyRatio(50, 100); //=> 0.6931471805599453
 * logAccuracyRatio(100, 100); //=> 0
 * ```
 *
 * @see Tofallis, C. (2015). A better measure of relative prediction accuracy for model selection
 *   and model estimation. Journal of the Operational Research Society 66(8):1352–1362.
 */
export function logAccuracyRatio(estimate: number, actual: number): number {
  assertPositive('logAccuracyRatio', 'estimate', estimate);
  assertPositive('logAccuracyRatio', 'actual', actual);
  const ratio = estimate / actual;
  if (ratio > 0.5 && ratio < 2) return Math.abs(Math.log1p((estimate - actual) / actual));
  if (ratio > 0 && Number.isFinite(ratio)) return Math.abs(Math.log(ratio));
  return Math.abs(Math.log(estimate) - Math.log(actual)); // the ratio over- or underflowed
}
