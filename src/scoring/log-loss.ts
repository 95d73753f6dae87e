import { assertBoolean, assertProbability, invalidInput, readOptions } from './_internal/validate.js';

/**
 * The default clipping bound ε of {@link logLoss}: 1e-15.
 *
 * @remarks
 * This is scikit-learn's historical default `eps=1e-15` for `sklearn.metrics.log_loss` (from its
 * first release until 1.2, which changed the default to `"auto"`, i.e. the dtype's machine epsilon
 * ≈ 2.22e-16; 1.3 deprecated `eps` and 1.5 removed it). With ε = 1e-15 a forecast of 0 for what
 * happened costs −ln(1e-15) ≈ 34.5388 instead of +∞, and a forecast of 1 for what did not happen
 * costs −ln(1 − (1 − 1e-15)) ≈ 34.5396 (1 − 1e-15 is not a double, and rounds), as in scikit-learn.
 *
 * @example
 * ```ts
 * DEFAULT_LOG_LOSS_EPSILON; //=> 1e-15
 * ```
 *
 * @see scikit-learn, `sklearn.metrics.log_loss` reference: "Changed in version 1.2: The default
 *   value changed from 1e-15 to "auto" that is equivalent to np.finfo(y_pred.dtype).eps".
 */
export const DEFAULT_LOG_LOSS_EPSILON = 1e-15;

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /**
   * The forecast probability is clipped to [ε, 1 − ε] before taking the logarithm, so a forecast of
   * 0 or 1 that turns out wrong costs a large finite amount. Default {@link DEFAULT_LOG_LOSS_EPSILON}
   * (1e-15). Must be 0, which disables clipping (a 0 given to what happened scores `Infinity`), or in
   * [2⁻⁵³, 0.5): below 2⁻⁵³ ≈ 1.1e-16, 1 − ε rounds to 1 and clipping would no longer work.
   */
  readonly epsilon?: number;
}

/** Validates `options.epsilon` and returns ε. @internal */
export function logLossEpsilon(fn: string, options: LogLossOptions | undefined): number {
  return checkedEpsilon(fn, readOptions(fn, options, ['epsilon']).epsilon ?? DEFAULT_LOG_LOSS_EPSILON);
}

/** Validates ε itself. @internal */
function checkedEpsilon(fn: string, epsilon: unknown): number {
  if (typeof epsilon !== 'number' || !(epsilon === 0 || (epsilon >= 2 ** -53 && epsilon < 0.5))) {
    throw invalidInput(fn, 'options.epsilon', 'to be 0 (no clipping) or in [2⁻⁵³, 0.5)', epsilon);
  }
  return epsilon;
}

/**
 * −ln of the probability given to what happened, the forecast first clipped to [ε, 1 − ε] (as
 * scikit-learn's `log_loss` does); inputs already validated. `0 −` turns −0 into 0. @internal
 */
export function logLossTerm(probability: number, outcome: boolean, epsilon: number): number {
  const clipped = Math.min(1 - epsilon, Math.max(epsilon, probability));
  return 0 - Math.log(outcome ? clipped : 1 - clipped);
}

/**
 * The logarithmic loss (negative log score) of one probability forecast of a yes/no event.
 *
 * @remarks
 * LL = −ln(q), where q is the probability the forecast gave to what actually happened: with p̃ the
 * forecast clipped to [ε, 1 − ε], q = p̃ if the event happened and 1 − p̃ if not; natural logarithm.
 * **Lower is better**: 0 for certainty in the right outcome, ln 2 ≈ 0.693 for p = 0.5, and ≈ 34.54
 * (about −ln 1e-15) for certainty in the wrong one. It is the negative of Good's (1952) logarithmic score and of
 * Metaculus' "log score" ln(P(outcome)). Strictly proper, and much harsher than the Brier score on
 * confident misses.
 *
 * Clipping: ε defaults to 1e-15, scikit-learn's historical default `eps=1e-15` (see
 * {@link DEFAULT_LOG_LOSS_EPSILON}); results match `log_loss([o], [p], eps=1e-15, labels=[0, 1])`.
 *
 * Valid input: `probability` in [0, 1] (NaN is rejected); `outcome` a boolean; `epsilon` 0 or in
 * [2⁻⁵³, 0.5).
 *
 * @param probability - the forecast probability that the event happens, in [0, 1]
 * @param outcome - `true` if the event happened
 * @param options - `epsilon`: the clipping bound, default 1e-15
 * @returns the loss, ≥ 0 (at most −ln(1 − (1 − ε)) ≈ −ln ε); lower is better
 * @throws LedgerError `validation_failed` when `probability` is outside [0, 1] or NaN, `outcome` is
 *   not a boolean, or `options.epsilon` is neither 0 nor in [2⁻⁵³, 0.5)
 *
 * @example
 * ```ts
 * logLoss(0.5, true); //=> 0.6931471805599453
 * logLoss(0.8, true); //=> 0.2231435513142097
 * logLoss(0, true); //=> 34.538776394910684
 * logLoss(1, false); //=> 34.53957599234088
 * ```
 *
 * @see Good, I. J. (1952). Rational decisions. Journal of the Royal Statistical Society B
 *   14(1):107–114.
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. Journal of the American Statistical Association 102(477):359–378.
 * @see Metaculus, Scores FAQ, "What is the log score?" https://www.metaculus.com/help/scores-faq/
 */
export function logLoss(probability: number, outcome: boolean, options?: LogLossOptions): number {
  return logLossWith(probability, outcome, logLossEpsilon('logLoss', options));
}

/** {@link logLoss} with ε given directly (the per-claim path of scoring: no options object to read). @internal */
export function logLossWith(probability: number, outcome: boolean, epsilon: number): number {
  assertProbability('logLoss', 'probability', probability);
  assertBoolean('logLoss', 'outcome', outcome);
  return logLossTerm(probability, outcome, checkedEpsilon('logLoss', epsilon));
}
