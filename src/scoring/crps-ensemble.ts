import { sum } from './_internal/sum.js';
import { assertFinite, assertNonEmptyArray } from './_internal/validate.js';

/**
 * The continuous ranked probability score (CRPS) of an ensemble (a sample) forecast.
 *
 * @remarks
 * CRPS = (1/m) Σᵢ |Xᵢ − x| − (1/(2m²)) Σᵢ Σⱼ |Xᵢ − Xⱼ| for members X₁…Xₘ and outcome x
 * (Gneiting & Raftery 2007, eq. 21, applied to the ensemble's empirical distribution; the same value
 * as Hersbach's (2000) integral ∫(F_m(y) − [y ≥ x])² dy). **Lower is better**; range [0, ∞), in the
 * units of x. One member gives the {@link absoluteError}. The second term rewards spread, so an
 * ensemble that brackets the outcome beats a point forecast at its mean.
 *
 * The pairwise term is computed in O(m log m): with the members sorted, Σ_{i<j}(X₍ⱼ₎ − X₍ᵢ₎) =
 * Σₖ (X₍ₖ₊₁₎ − X₍ₖ₎)·(k + 1)(m − k − 1) (0-based k), a sum of non-negative terms, so large offsets do
 * not cancel. This is the plain empirical-distribution CRPS, not the "fair" ensemble CRPS (which
 * divides the pairwise term by 2m(m − 1)).
 *
 * Valid input: a non-empty array of finite members; a finite `actual`.
 *
 * @param members - the ensemble members (any order), non-empty
 * @param actual - the value that materialised x
 * @returns the CRPS, ≥ 0; lower is better
 * @throws LedgerError `validation_failed` when `members` is empty or not an array, or a value is not finite
 *
 * @example
 * ```ts
 * crpsEnsemble([5], 8); //=> 3
 * // mean |Xᵢ − 2| = 1; pairs |1 − 3| counted twice: 4 / (2·2²) = 0.5
 * crpsEnsemble([1, 3], 2); //=> 0.5
 * ```
 *
 * @see Hersbach, H. (2000). Decomposition of the continuous ranked probability score for ensemble
 *   prediction systems. Weather and Forecasting 15(5):559–570.
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. Journal of the American Statistical Association 102(477):359–378.
 */
export function crpsEnsemble(members: readonly number[], actual: number): number {
  assertNonEmptyArray('crpsEnsemble', 'members', members);
  members.forEach((x, i) => assertFinite('crpsEnsemble', `members[${i}]`, x));
  assertFinite('crpsEnsemble', 'actual', actual);
  const m = members.length;
  const sorted = [...members].sort((a, b) => a - b);
  const meanAbsoluteError = sum(sorted.map((x) => Math.abs(x - actual))) / m;
  // Σ_{i<j} (X₍ⱼ₎ − X₍ᵢ₎): each gap between neighbours is crossed by (k + 1)(m − k − 1) pairs.
  const pairwise = sum(sorted.slice(1).map((x, k) => (x - sorted[k]!) * (k + 1) * (m - k - 1)));
  return meanAbsoluteError - pairwise / (m * m);
}
