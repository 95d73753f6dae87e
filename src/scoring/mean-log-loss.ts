import { meanOf } from './_internal/sum.js';
import { assertPairs } from './_internal/validate.js';
import { logLossEpsilon, logLossTerm, type LogLossOptions } from './log-loss.js';
import type { ProbabilityOutcomePair } from './probability-outcome-pair.js';

/** Options of {@link meanLogLoss}: the same `epsilon` as {@link logLoss}. */
export type MeanLogLossOptions = LogLossOptions;

/**
 * The mean logarithmic loss of many probability forecasts of yes/no events.
 *
 * @remarks
 * LL = −(1/N) Σᵢ ln(qᵢ), where qᵢ is the probability pair i gave to what happened, each forecast
 * first clipped to [ε, 1 − ε] as in {@link logLoss} (ε = 1e-15 by default, scikit-learn's
 * historical default). **Lower is better**; range
 * [0, −ln ε]. Always-0.5 forecasts score ln 2 ≈ 0.693. Equals scikit-learn's
 * `log_loss(y_true, y_prob, eps=1e-15, labels=[0, 1])`. Independent of the order of the pairs (the sum is exactly rounded, as Python's `math.fsum`).
 *
 * Valid input: a non-empty array of pairs, each with `probability` in [0, 1] and a boolean `outcome`.
 *
 * @param pairs - the forecasts and what happened, non-empty
 * @param options - `epsilon`: the clipping bound, default 1e-15
 * @returns the mean loss, ≥ 0; lower is better
 * @throws LedgerError `validation_failed` when `pairs` is empty or not an array, a probability is
 *   outside [0, 1] or NaN, an outcome is not a boolean, or `options.epsilon` is invalid (see {@link logLoss})
 *
 * @example
 * ```ts
 * // scikit-learn's log_loss docstring: ["spam", "ham", "ham", "spam"] with P(spam) 0.9, 0.1, 0.2, 0.65
 * meanLogLoss([
 *   { probability: 0.9, outcome: true },
 *   { probability: 0.1, outcome: false },
 *   { probability: 0.2, outcome: false },
 *   { probability: 0.65, outcome: true },
 * ]); //=> 0.21616187468057912
 * ```
 *
 * @see Good, I. J. (1952). Rational decisions. Journal of the Royal Statistical Society B
 *   14(1):107–114.
 */
export function meanLogLoss(pairs: readonly ProbabilityOutcomePair[], options?: MeanLogLossOptions): number {
  assertPairs('meanLogLoss', pairs);
  const epsilon = logLossEpsilon('meanLogLoss', options);
  return meanOf(pairs, ({ probability, outcome }) => logLossTerm(probability, outcome, epsilon));
}
