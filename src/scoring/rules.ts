/**
 * The scoring rules of forecast-ledger: pure functions over plain values, no I/O.
 *
 * @remarks
 * Binary forecasts: {@link brierScore}, {@link logLoss}, {@link meanBrierScore},
 * {@link meanLogLoss}, {@link brierSkillScore}, {@link calibrationCurve},
 * {@link brierDecomposition}. Numeric estimates: {@link absoluteError},
 * {@link absolutePercentageError}, {@link logAccuracyRatio}, {@link intervalScore},
 * {@link pinballLoss}, {@link crpsNormal}, {@link crpsEnsemble}. Dates: {@link dateErrorDays}.
 * Scorecard helpers: {@link wilsonInterval}, {@link median}. Verbal confidence:
 * {@link impliedProbability}, {@link CONFIDENCE_TERMS}. Every function throws a `LedgerError` with
 * code `validation_failed` on invalid input. See docs/scoring-rules.md.
 *
 * @module
 */
export { absoluteError } from './absolute-error.js';
export { absolutePercentageError } from './absolute-percentage-error.js';
export { brierDecomposition, type BrierDecomposition, type BrierDecompositionOptions } from './brier-decomposition.js';
export { BRIER_SCALES, brierScore, type BrierScale, type BrierScoreOptions } from './brier-score.js';
export { brierSkillScore, type BrierSkillScoreReference } from './brier-skill-score.js';
export { calibrationCurve, type CalibrationBin, type CalibrationCurveOptions } from './calibration-curve.js';
export {
  CONFIDENCE_LANGUAGES,
  CONFIDENCE_TERMS,
  type ConfidenceAnchor,
  type ConfidenceLanguage,
  type ConfidenceTerm,
  type ProbabilityTerm,
  type QuantityBoundTerm,
} from './confidence-terms.js';
export { crpsEnsemble } from './crps-ensemble.js';
export { crpsNormal } from './crps-normal.js';
export { dateErrorDays } from './date-error-days.js';
export { impliedProbability, type ImpliedProbabilityOptions } from './implied-probability.js';
export { intervalScore } from './interval-score.js';
export { logAccuracyRatio } from './log-accuracy-ratio.js';
export { DEFAULT_LOG_LOSS_EPSILON, logLoss, type LogLossOptions } from './log-loss.js';
export { meanBrierScore, type MeanBrierScoreOptions } from './mean-brier-score.js';
export { meanLogLoss, type MeanLogLossOptions } from './mean-log-loss.js';
export { median } from './median.js';
export { pinballLoss } from './pinball-loss.js';
export type { ProbabilityOutcomePair } from './probability-outcome-pair.js';
export { wilsonInterval, type WilsonInterval, type WilsonIntervalOptions } from './wilson-interval.js';
