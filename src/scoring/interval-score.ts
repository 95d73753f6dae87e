import { assertFinite, assertOpenUnitInterval, invalidInput } from './_internal/validate.js';

/**
 * The interval score of a central (1 − α) prediction interval.
 *
 * @remarks
 * IS_α(l, u; x) = (u − l) + (2/α)(l − x)·[x < l] + (2/α)(x − u)·[x > u]
 * (Gneiting & Raftery 2007, eq. 43), where [l, u] is meant as the central (1 − α)·100 % interval —
 * the α/2 and 1 − α/2 quantiles — e.g. α = 0.1 for a 90 % interval. **Lower is better**; range
 * [u − l, ∞): a hit costs the interval's width, a miss adds 2/α per unit of distance outside. It is
 * proper for that pair of quantiles, so it rewards honest widths: too narrow is punished by misses,
 * too wide by width. It equals (2/α)·[{@link pinballLoss}(l, α/2, x) + pinballLoss(u, 1 − α/2, x)].
 * (Some sources, e.g. the COVID-19 Forecast Hub's weighted interval score, multiply it by α/2.)
 *
 * Valid input: finite `lower` ≤ `upper` and `actual`; `alpha` in (0, 1).
 *
 * @param lower - the interval's lower end l (the α/2 quantile)
 * @param upper - the interval's upper end u (the 1 − α/2 quantile), ≥ lower
 * @param actual - the value that materialised x
 * @param alpha - α in (0, 1): 1 minus the interval's nominal coverage
 * @returns the score, ≥ u − l; lower is better
 * @throws LedgerError `validation_failed` when an argument is not finite, lower > upper, or alpha is
 *   outside (0, 1)
 *
 * @example
 * ```ts
 * intervalScore(10, 20, 15, 0.1); //=> 10
 * intervalScore(10, 20, 25, 0.1); //=> 110
 * intervalScore(10, 20, 8, 0.5); //=> 18
 * ```
 *
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. Journal of the American Statistical Association 102(477):359–378, section 6.2.
 */
export function intervalScore(lower: number, upper: number, actual: number, alpha: number): number {
  const fn = 'intervalScore';
  assertFinite(fn, 'lower', lower);
  assertFinite(fn, 'upper', upper);
  assertFinite(fn, 'actual', actual);
  assertOpenUnitInterval(fn, 'alpha', alpha);
  if (lower > upper) throw invalidInput(fn, 'lower', `≤ upper (${upper})`, lower, 'Swap the two ends');
  const penalty = 2 / alpha;
  if (actual < lower) return upper - lower + penalty * (lower - actual);
  if (actual > upper) return upper - lower + penalty * (actual - upper);
  return upper - lower;
}
