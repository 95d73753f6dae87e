export {
  CONFIDENCE_SCALES,
  CategoricalEstimate,
  DateEstimate,
  BinaryEstimate,
  Estimate,
  Forecast,
  NumericEstimate,
  NumericInterval,
  Quantile,
  VerbalConfidence,
} from './forecast.js';
export type { ConfidenceScale, ForecastInput, StoredForecast } from './forecast.js';
export { AGGREGATE_METHODS, AggregateSpec } from './aggregate.js';
export type { AggregateMethod } from './aggregate.js';
export { FORECASTER_TYPES, Forecaster } from './forecaster.js';
export { Provenance } from './provenance.js';
export type { ForecasterInput, ForecasterType } from './forecaster.js';
export { FORMAT_VERSION, LedgerSnapshot, PredictionFile } from './prediction-file.js';
export type { LedgerSnapshotInput, PredictionFileInput } from './prediction-file.js';
export { FiniteNumber, IsoDate, IsoDateOrDateTime, IsoDateTime, Probability, Slug, Text } from './primitives.js';
export {
  Baseline,
  CategoricalOption,
  CategoricalSpec,
  DateSpec,
  NUMERIC_SCALES,
  NumericSpec,
  Period,
  QUESTION_KINDS,
  Question,
  RELATION_TYPES,
  RESOLUTION_SEMANTICS,
  RESOLVABILITY_RATINGS,
  ResolutionSpec,
  STANCES,
} from './question.js';
export type { NumericScale, QuestionInput, QuestionKind, RelationType, ResolutionSemantics, ResolvabilityRating, Stance } from './question.js';
export { Evidence, Outcome, RESOLUTION_STATUSES, Resolution } from './resolution.js';
export type { ResolutionInput, ResolutionStatus } from './resolution.js';
export { DATE_PRECISIONS, Source } from './source.js';
export type { DatePrecision } from './source.js';
export { ForecastWithdrawal, QuestionAmendment, QuestionChanges, QuestionClarification, QuestionComment, QuestionUpdate } from './question-update.js';
