import { assertFinite, assertOpenUnitInterval } from './_internal/validate.js';

/**
 * The pinball (quantile) loss of a forecast quantile.
 *
 * @remarks
 * L_τ(q; x) = τ(x − q) if x ≥ q, else (1 − τ)(q − x), where q is the forecaster's τ-quantile of the
 * quantity and x what materialised. **Lower is better**; range [0, ∞). It is strictly proper for the
 * τ-quantile (its expectation is minimised by the true quantile): for τ = 0.9, undershooting costs 9×
 * as much per unit as overshooting. At τ = 0.5 it is half the {@link absoluteError}. Summing it over
 * several quantiles approximates the CRPS; {@link intervalScore} is a sum of two of them.
 *
 * Valid input: finite `quantileValue` and `actual`; `tau` in (0, 1).
 *
 * @param quantileValue - the forecast τ-quantile q
 * @param tau - the quantile level τ in (0, 1)
 * @param actual - the value that materialised x
 * @returns the loss, ≥ 0; lower is better
 * @throws LedgerError `validation_failed` when a value is not finite or tau is outside (0, 1)
 *
 * @example
 * ```ts
 * pinballLoss(10, 0.75, 14); //=> 3
 * pinballLoss(10, 0.75, 6); //=> 1
 * ```
 *
 * @see Koenker, R. & Bassett, G. (1978). Regression quantiles. Econometrica 46(1):33–50.
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. Journal of the American Statistical Association 102(477):359–378, section 6.1.
 */
export function pinballLoss(quantileValue: number, tau: number, actual: number): number {
  assertFinite('pinballLoss', 'quantileValue', quantileValue);
  assertOpenUnitInterval('pinballLoss', 'tau', tau);
  assertFinite('pinballLoss', 'actual', actual);
  return actual >= quantileValue ? tau * (actual - quantileValue) : (1 - tau) * (quantileValue - actual);
}
