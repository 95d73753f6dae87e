import { normalQuantile } from './_internal/normal.js';
import { assertInteger, assertOpenUnitInterval, invalidInput, readOptions } from './_internal/validate.js';

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** The confidence level 1 − α, in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

/** A two-sided confidence interval for a proportion, from {@link wilsonInterval}. */
export interface WilsonInterval {
  /** Lower confidence limit, in [0, 1]. */
  readonly lower: number;
  /** Upper confidence limit, in [0, 1]. */
  readonly upper: number;
  /** The observed proportion successes / n (not the interval's midpoint). */
  readonly estimate: number;
}

/**
 * z for the usual levels, exactly as `scipy.stats.norm.ppf((1 + c) / 2)` returns them (so
 * z = 1.959963984540054 for 95 %). Other levels are computed by {@link normalQuantile}, which agrees
 * with scipy to about one ulp.
 */
const Z_FOR_CONFIDENCE = new Map<number, number>([
  [0.8, 1.2815515655446004],
  [0.9, 1.6448536269514722],
  [0.95, 1.959963984540054],
  [0.98, 2.3263478740408408],
  [0.99, 2.5758293035489004],
]);

/**
 * The Wilson score confidence interval for a binomial proportion, e.g. a forecaster's hit rate.
 *
 * @remarks
 * With p̂ = k/n and z the standard normal (1 + c)/2 quantile (z = 1.959963984540054 for c = 0.95):
 *
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²)),
 *
 * and the interval is centre ± half-width (Wilson 1927), clamped to [0, 1] with lower = 0 exactly
 * when k = 0 and upper = 1 exactly when k = n. It is the interval of R's
 * `prop.test(k, n, correct = FALSE)` and Newcombe's (1998) method 3. Unlike the Wald interval
 * p̂ ± z√(p̂(1 − p̂)/n) it never leaves [0, 1] and does not collapse to a point at k = 0 or k = n,
 * so it behaves on the small samples scorecards deal with. Not a score: no better/worse direction.
 *
 * Valid input: integers 0 ≤ `successes` ≤ `n`, `n` ≥ 1; `confidence` in (0, 1).
 *
 * @param successes - the number of successes k
 * @param n - the number of trials, ≥ 1
 * @param options - `confidence`: the level, default 0.95
 * @returns `{ lower, upper, estimate }` with estimate = k/n
 * @throws LedgerError `validation_failed` when the counts are not integers with 0 ≤ k ≤ n and
 *   n ≥ 1, or `confidence` is outside (0, 1)
 *
 * @example
 * ```ts
 * // Newcombe (1998): 81/263 → 0.2553 to 0.3662
 * wilsonInterval(81, 263); //=> { lower: 0.2552885198782742, upper: 0.36620957698280004, estimate: 0.30798479087452474 }
 * wilsonInterval(0, 20).upper; //=> 0.16112515805281938
 * ```
 *
 * @see Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
 *   Journal of the American Statistical Association 22(158):209–212.
 * @see Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
 *   comparison of seven methods. Statistics in Medicine 17(8):857–872.
 */
export function wilsonInterval(successes: number, n: number, options: WilsonIntervalOptions = {}): WilsonInterval {
  const fn = 'wilsonInterval';
  const { confidence = 0.95 } = readOptions(fn, options, ['confidence']);
  assertInteger(fn, 'n', n, 1);
  assertInteger(fn, 'successes', successes, 0);
  if (successes > n) throw invalidInput(fn, 'successes', `≤ n (${n})`, successes);
  assertOpenUnitInterval(fn, 'options.confidence', confidence);
  const z = Z_FOR_CONFIDENCE.get(confidence) ?? normalQuantile((1 + confidence) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
    estimate: p,
  };
}
