import { meanOf } from './_internal/sum.js';
import { assertPairs } from './_internal/validate.js';
import { brierScaleFactor, type BrierScoreOptions } from './brier-score.js';
import type { ProbabilityOutcomePair } from './probability-outcome-pair.js';

/** Options of {@link meanBrierScore}: the same `scale` as {@link brierScore}. */
export type MeanBrierScoreOptions = BrierScoreOptions;

/**
 * The mean Brier score of many probability forecasts of yes/no events.
 *
 * @remarks
 * BS = (1/N) Σᵢ (pᵢ − oᵢ)² (times 2 on the `'0-2'` scale), with oᵢ = 1 when pair i's event
 * happened. **Lower is better**; range [0, 1] ([0, 2] on `'0-2'`). Always-0.5 forecasts score 0.25.
 * Equals scikit-learn's `brier_score_loss(y_true, y_prob)` on the default scale. The result does not
 * depend on the order of the pairs (the sum is exactly rounded, as Python's `math.fsum`). See {@link brierDecomposition} for its
 * reliability / resolution / uncertainty parts and {@link brierSkillScore} to compare with a reference.
 *
 * Valid input: a non-empty array of pairs, each with `probability` in [0, 1] and a boolean `outcome`.
 *
 * @param pairs - the forecasts and what happened, non-empty
 * @param options - `scale`: `'0-1'` (default) or `'0-2'`
 * @returns the mean score, in [0, 1] (or [0, 2]); lower is better
 * @throws LedgerError `validation_failed` when `pairs` is empty or not an array, a probability is
 *   outside [0, 1] or NaN, an outcome is not a boolean, or `options.scale` is invalid
 *
 * @example
 * ```ts
 * // scikit-learn's brier_score_loss docstring: y_true [0, 1, 1, 0], y_prob [0.1, 0.9, 0.8, 0.3] → 0.037...
 * // (0.01 + 0.01 + 0.04 + 0.09) / 4 = 0.0375, less one ulp of rounding in the squares, as scikit-learn
 * meanBrierScore([
 *   { probability: 0.1, outcome: false },
 *   { probability: 0.9, outcome: true },
 *   { probability: 0.8, outcome: true },
 *   { probability: 0.3, outcome: false },
 * ]); //=> 0.03749999999999999
 * ```
 *
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
 *   Monthly Weather Review 78(1):1–3.
 */
export function meanBrierScore(pairs: readonly ProbabilityOutcomePair[], options?: MeanBrierScoreOptions): number {
  assertPairs('meanBrierScore', pairs);
  const factor = brierScaleFactor('meanBrierScore', options);
  return factor * meanOf(pairs, ({ probability, outcome }) => (probability - (outcome ? 1 : 0)) ** 2);
}
