/**
 * `forecast-ledger/scoring`: the scoring rules, fair scoring of claims that are not probabilities,
 * time-weighted and relative scores, scorecards, leaderboards and their renderers.
 *
 * @remarks
 * Everything here is pure: it works on plain values and {@link ScoringData}, never on storage
 * (except {@link loadScoringData}, the one loader). See `docs/scoring.md` for the rules and
 * `docs/scoring-rules.md` for the individual scoring rules.
 *
 * @packageDocumentation
 */
export * from './rules.js';

export { claimProbability, PROBABILITY_SOURCES, type ClaimProbability, type ProbabilitySource } from './claims/claim-probability.js';
export {
  scoreClaim,
  type BinaryClaimScore,
  type CategoricalClaimScore,
  type ClaimScore,
  type DateClaimScore,
  type IntervalClaimScore,
  type NumericClaimScore,
  type PointScore,
  type QuantileClaimScore,
} from './claims/score-claim.js';
export { CLAIM_VERDICTS, scorePrediction, type ClaimVerdict, type PredictionScore, type ScorableForecast } from './claims/score-prediction.js';
export { DEFAULT_SCORING_OPTIONS, PLAN_RULES, type PlanRule, type ScoringOptions } from './claims/scoring-options.js';
export { standingWeights, timeWeightedScore, type StandingWeight, type TimedForecast } from './time-weighted.js';
export { peerScores, relativeBrierScores } from './relative-scores.js';
export { loadScoringData, type ScoringData, type ScoringDataSource, type ScoringForecast } from './load-scoring-data.js';
export { buildScorecard } from './scorecard/build-scorecard.js';
export { buildLeaderboard } from './scorecard/build-leaderboard.js';
export { combineProbabilities } from './aggregate/combine-probabilities.js';
export { withAggregates } from './aggregate/with-aggregates.js';
export { renderScorecard } from './scorecard/render-scorecard.js';
export { renderLeaderboard } from './scorecard/render-leaderboard.js';
export { renderReport, type RenderReportInput } from './scorecard/render-report.js';
export {
  PREDICTION_VERDICTS,
  RENDER_FORMATS,
  type RenderFormat,
  type DateSummary,
  type ForecastAfterOutcome,
  type HitRate,
  type Leaderboard,
  type LeaderboardEntry,
  type LeaderboardOptions,
  type NumericSummary,
  type PlanSummary,
  type PredictionVerdict,
  type ProbabilitySummary,
  type RelativeSummary,
  type Scorecard,
  type ScorecardCounts,
  type ScorecardOptions,
  type ScorecardPrediction,
} from './scorecard/types.js';
