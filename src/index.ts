/**
 * forecast-ledger: store forward-looking claims as typed predictions, record outcomes, score forecasters.
 *
 * @packageDocumentation
 */
export { LEDGER_ERROR_CODES, LedgerError, LedgerValidationError } from './errors.js';
export type { LedgerErrorCode, LedgerErrorOptions, ValidationIssue } from './errors.js';
export * from './model/index.js';
export { PREDICTION_FILE_SCHEMA_ID, predictionFileJsonSchema } from './model/json-schema.js';
export { resolveHorizon } from './dates/resolve-horizon.js';
export { canonicalJson } from './history/canonical-json.js';
export { GENESIS_HASH } from './history/event-hash.js';
export { Ledger, openLedger } from './ledger.js';
export type { AggregateInput } from './scoring/aggregate/aggregate-forecaster.js';
export type {
  AnnulInput,
  CorrectionInput,
  ForecastsAfterOutcomeOption,
  ImportData,
  ImportReport,
  LedgerTarget,
  OpenLedgerOptions,
  OutcomeInput,
  QuestionDetails,
  ResolveInput,
} from './ledger.js';
export type { PredictInput, PredictResult, QuickForecastInput, QuickForecastResult } from './ledger.js';
export type { DueDateFrom } from './core/one-line-forecast.js';
export type { LedgerReader, LedgerStore } from './storage/ledger-store.js';
export type { OpenReport, StoreCapabilities } from './storage/store-capabilities.js';
export type { SqliteDatabase } from './storage/open-options.js';
export { EVENT_TYPES } from './storage/types.js';
export type {
  ApplyOptions,
  ApplyResult,
  BackupOptions,
  BackupReport,
  Change,
  ChangeOrigin,
  EventType,
  ForecastFilter,
  HeadAnchor,
  LedgerEvent,
  MigrationInfo,
  MigrationReport,
  QuestionFilter,
  QuestionRecord,
  QuestionStatus,
  RecordCounts,
  StoredResolution,
  VerifyOptions,
  VerifyProblem,
  VerifyReport,
} from './storage/types.js';
export { renderScorecard } from './scoring/scorecard/render-scorecard.js';
export { renderLeaderboard } from './scoring/scorecard/render-leaderboard.js';
export { renderReport, type RenderReportInput } from './scoring/scorecard/render-report.js';
export { writeSite } from './site/write-site.js';
export type { WriteSiteOptions, WriteSiteResult } from './site/write-site.js';
export type { ScoringOptions } from './scoring/claims/scoring-options.js';
export type { ClaimScore } from './scoring/claims/score-claim.js';
export type { ClaimVerdict, PredictionScore } from './scoring/claims/score-prediction.js';
export type { ScoringData, ScoringDataSource } from './scoring/load-scoring-data.js';
export type {
  DateSummary,
  ForecastAfterOutcome,
  HitRate,
  Leaderboard,
  LeaderboardEntry,
  LeaderboardOptions,
  NumericSummary,
  PlanSummary,
  PredictionVerdict,
  ProbabilitySummary,
  RelativeSummary,
  RenderFormat,
  Scorecard,
  ScorecardCounts,
  ScorecardOptions,
  ScorecardPrediction,
} from './scoring/scorecard/types.js';
