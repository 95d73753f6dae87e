import { erf, normalPdf } from './_internal/normal.js';
import { assertFinite, assertPositive } from './_internal/validate.js';

const ONE_OVER_SQRT_PI = 0.5641895835477563;

/**
 * The continuous ranked probability score (CRPS) of a normal forecast distribution N(μ, σ²).
 *
 * @remarks
 * CRPS(N(μ, σ²), x) = σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π] with z = (x − μ)/σ, where Φ and φ are the
 * standard normal distribution and density (Gneiting et al. 2005, eq. 5). **Lower is better**;
 * range (0, ∞), in the units of x. The CRPS is ∫(F(y) − [y ≥ x])² dy, strictly proper for whole
 * distributions, and generalises the absolute error: as σ → 0 it tends to |μ − x|. Its minimum for
 * a given σ is σ(√2 − 1)/√π ≈ 0.2337σ, at x = μ.
 *
 * 2Φ(z) − 1 is evaluated as erf(z/√2), with erf from W. J. Cody's rational Chebyshev approximation,
 * so results agree with `scipy.stats.norm`-based computations to ~1e-15 relative.
 *
 * Valid input: finite `mean` and `actual`; `sd` finite and > 0 (use {@link absoluteError} for a
 * point forecast).
 *
 * @param mean - the forecast mean μ
 * @param sd - the forecast standard deviation σ, > 0
 * @param actual - the value that materialised x
 * @returns the CRPS, > 0; lower is better
 * @throws LedgerError `validation_failed` when a value is not finite or `sd` ≤ 0
 *
 * @example
 * ```ts
 * crpsNormal(0, 1, 0); //=> 0.23369497725510913
 * crpsNormal(10, 2, 13); //=> 1.9888480079549062
 * ```
 *
 * @see Gneiting, T., Raftery, A. E., Westveld, A. H. & Goldman, T. (2005). Calibrated probabilistic
 *   forecasting using ensemble model output statistics and minimum CRPS estimation. Monthly Weather
 *   Review 133(5):1098–1118.
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. Journal of the American Statistical Association 102(477):359–378.
 * @see Cody, W. J. (1969). Rational Chebyshev approximations for the error function. Mathematics
 *   of Computation 23(107):631–637.
 */
export function crpsNormal(mean: number, sd: number, actual: number): number {
  assertFinite('crpsNormal', 'mean', mean);
  assertPositive('crpsNormal', 'sd', sd);
  assertFinite('crpsNormal', 'actual', actual);
  const z = (actual - mean) / sd;
  return sd * (z * erf(z * Math.SQRT1_2) + 2 * normalPdf(z) - ONE_OVER_SQRT_PI);
}
