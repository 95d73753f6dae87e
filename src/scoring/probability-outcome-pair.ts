/**
 * One resolved binary forecast: the probability given to the event and whether it happened.
 *
 * @remarks
 * `probability` is the forecast probability that the event happens, in [0, 1]; `outcome` is `true`
 * when it happened and `false` when it did not. The pair-based rules ({@link meanBrierScore},
 * {@link meanLogLoss}, {@link brierSkillScore}, {@link calibrationCurve},
 * {@link brierDecomposition}) take a non-empty array of these and never depend on its order.
 *
 * @example
 * ```ts
 * const pair: ProbabilityOutcomePair = { probability: 0.8, outcome: true };
 * ```
 */
export interface ProbabilityOutcomePair {
  /** The forecast probability that the event happens, in [0, 1]. */
  readonly probability: number;
  /** `true` when the event happened. */
  readonly outcome: boolean;
}
