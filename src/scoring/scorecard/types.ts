import type { Estimate, VerbalConfidence } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionKind, ResolutionSemantics, Stance } from '../../model/question.js';
import type { Outcome } from '../../model/resolution.js';
import type { QuestionStatus } from '../../model/question-record.js';
import type { BrierDecomposition } from '../brier-decomposition.js';
import type { CalibrationBin } from '../calibration-curve.js';
import type { PredictionScore } from '../claims/score-prediction.js';
import type { ScoringOptions } from '../claims/scoring-options.js';

/** Options of `buildScorecard` (forecast-ledger/scoring) and `ledger.scorecard()`. */
export interface ScorecardOptions extends ScoringOptions {
  /**
   * The scorecard as things stood at the end of this day (ISO `YYYY-MM-DD`, UTC). Default today (UTC).
   * Forecasts made after it are left out; a resolution counts only when its `resolvedOn` is on or
   * before it (and, for a correction, when the correction was recorded by then), else the question is
   * pending as it was then; claims due from then on are upcoming.
   */
  readonly asOf?: string;
  /**
   * The scorecard as the ledger knew it at the end of this day (ISO `YYYY-MM-DD`, UTC), by recording
   * time: questions, forecasts and resolutions recorded after it are left out. Read by
   * `ledger.scorecard()` (it needs the event chain); `buildScorecard` refuses it. `asOf` defaults to it.
   */
  readonly recordedBy?: string;
  /** How many upcoming claims to list. Default 10. */
  readonly upcomingLimit?: number;
  /** Only questions with this tag (e.g. `forecastbench-market`); all questions when omitted. */
  readonly tag?: string;
}

/** Options of `buildLeaderboard` (forecast-ledger/scoring) and `ledger.leaderboard()`. */
export interface LeaderboardOptions extends ScoringOptions {
  /**
   * The fewest resolved, scored forecasts (plans and goals do not count) a forecaster needs to be
   * ranked. Default 1: with the ledger's small samples, a higher bar would rank nobody; the Wilson
   * interval beside each hit rate shows how little a few questions say.
   */
  readonly minResolved?: number;
  /**
   * The leaderboard as things stood at the end of this day (ISO `YYYY-MM-DD`, UTC); default today
   * (UTC). Forecasts made and resolutions resolved after it are left out, as for {@link ScorecardOptions.asOf}.
   */
  readonly asOf?: string;
  /**
   * The leaderboard as the ledger knew it at the end of this day, by recording time; read by
   * `ledger.leaderboard()`, refused by `buildLeaderboard`. See {@link ScorecardOptions.recordedBy}.
   */
  readonly recordedBy?: string;
  /** Only questions with this tag (e.g. `forecastbench-dataset`); all questions when omitted. */
  readonly tag?: string;
}

/** The output formats of the renderers, as an `as const` tuple. */
export const RENDER_FORMATS = ['markdown', 'html', 'json'] as const;
/**
 * `markdown`, `html` (one self-contained page, no external assets) or `json`. `markdown` is the
 * canonical name; the renderers and the CLI's `--format` also accept `md` for it.
 */
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** What became of one prediction, as an `as const` tuple. */
export const PREDICTION_VERDICTS = ['hit', 'miss', 'no-call', 'achieved', 'missed', 'pending', 'overdue', 'annulled', 'ambiguous', 'unscored'] as const;
/**
 * `hit`/`miss`/`no-call`: a resolved forecast (see {@link PredictionScore.verdict});
 * `achieved`/`missed`: a resolved plan or goal (`no-call` when exactly half the time);
 * `pending`: not resolved yet, due on or after `asOf`; `overdue`: not resolved and past its due date
 * (awaiting resolution); `annulled`/`ambiguous`: never scored;
 * `unscored`: resolved, but every forecast was made after the question closed.
 */
export type PredictionVerdict = (typeof PREDICTION_VERDICTS)[number];

/** One forecaster's prediction on one question: their latest claim, its status and its score. */
export interface ScorecardPrediction {
  readonly questionId: string;
  readonly title: string;
  readonly kind: QuestionKind;
  readonly stance: Stance;
  readonly semantics: ResolutionSemantics;
  /** The numeric question's unit. */
  readonly unit?: string;
  /** The question's due date (`resolveOn`). */
  readonly dueOn: string;
  /** The question's status. */
  readonly status: QuestionStatus;
  /** What became of the prediction. */
  readonly verdict: PredictionVerdict;
  /** `forecast` (scored for accuracy) or `plan-goal` (reported as achieved or missed). */
  readonly section: 'forecast' | 'plan-goal';
  /** How many forecasts the forecaster made on the question (updates included). */
  readonly forecasts: number;
  readonly firstMadeAt: string;
  readonly lastMadeAt: string;
  /** The latest estimate. */
  readonly estimate: Estimate;
  /** The latest verbal confidence, when the claim was worded. */
  readonly confidence?: VerbalConfidence;
  /** The outcome, when resolved. */
  readonly outcome?: Outcome;
  /** When it resolved, was annulled or judged ambiguous. */
  readonly resolvedOn?: string;
  /** The current resolution corrects an earlier one. */
  readonly corrected: boolean;
  /**
   * Share of the question's window (first forecast by anyone → close) the forecaster covered
   * (first forecast → close), in [0, 1]; resolved questions only.
   */
  readonly coverage?: number;
  /** The time-weighted score; resolved and scored predictions only. */
  readonly score?: PredictionScore;
  /** Peer score on the question (binary forecasts with ≥ 2 forecasters); higher is better. */
  readonly peerScore?: number;
  /** Relative Brier score on the question (binary forecasts with ≥ 2 forecasters); lower is better. */
  readonly relativeBrier?: number;
  /** How many other forecasters the relative scores compare with. */
  readonly peers?: number;
  /**
   * How many of the forecaster's forecasts on the question were made after the outcome (after the
   * end of the resolution's `resolvedOn` day, UTC): never scored, listed in {@link Scorecard.madeAfterOutcome}.
   * Absent when none.
   */
  readonly madeAfterOutcome?: number;
}

/**
 * A forecast made after the outcome its question's resolution records: after the end of the
 * `resolvedOn` day (UTC). The ledger keeps it only when the resolution said so
 * (`allowForecastsAfterOutcome`); it is never scored, and the scorecard lists it rather than leave
 * it out silently.
 */
export interface ForecastAfterOutcome {
  readonly questionId: string;
  /** The question's title. */
  readonly title: string;
  readonly forecastId: string;
  readonly madeAt: string;
  /** The current resolution's date. */
  readonly resolvedOn: string;
}

/** Counts of a scorecard; `made` = `resolved` + `pending` + `annulled` + `ambiguous`. */
export interface ScorecardCounts {
  /** Questions the forecaster made claims on (forecasts, plans and goals). */
  readonly made: number;
  /** Forecasts in all, updates included. */
  readonly forecasts: number;
  readonly resolved: number;
  readonly pending: number;
  /** Pending questions already past their due date (awaiting resolution). */
  readonly overdue: number;
  readonly annulled: number;
  readonly ambiguous: number;
  /** Resolved questions scored (a forecast stood before the close). */
  readonly scored: number;
  /** Resolved questions not scored because every forecast came after the close. */
  readonly unscored: number;
}

/** A hit rate with its Wilson score interval. */
export interface HitRate {
  readonly hits: number;
  readonly misses: number;
  /** Claims with no call (p = 0.5, or right exactly half the time); not in the rate. */
  readonly noCalls: number;
  /** hits + misses. */
  readonly n: number;
  /** hits / n. */
  readonly rate: number;
  /** Wilson 95 % interval of the rate. */
  readonly lower: number;
  readonly upper: number;
}

/** The probability section: binary forecasts (stated or implied). */
export interface ProbabilitySummary {
  /** Binary forecasts scored. */
  readonly n: number;
  /** Of which every probability was stated / at least one implied by wording. */
  readonly stated: number;
  readonly implied: number;
  /** Mean over questions of the time-weighted Brier score; lower is better. */
  readonly meanBrier: number;
  /** Mean over questions of the time-weighted log loss; lower is better. */
  readonly meanLogLoss: number;
  /** Murphy decomposition over (time-weighted probability, outcome) pairs. */
  readonly decomposition: BrierDecomposition;
  /** Calibration curve over the same pairs. */
  readonly calibration: readonly CalibrationBin[];
}

/** The numeric section. */
export interface NumericSummary {
  /** Numeric forecasts scored. */
  readonly n: number;
  /** Point claims: count, hits within tolerance, median APE, mean log accuracy ratio. */
  readonly points: {
    readonly n: number;
    readonly hits: number;
    readonly medianAbsolutePercentageError?: number;
    readonly meanLogAccuracyRatio?: number;
  };
  /** Range claims: count, how many held the outcome, coverage = inside / n, mean nominal level, mean interval score. */
  readonly intervals: {
    readonly n: number;
    readonly inside: number;
    readonly coverage?: number;
    readonly meanLevel?: number;
    readonly meanIntervalScore?: number;
  };
  /** Quantile claims: count and mean pinball loss. */
  readonly quantiles: { readonly n: number; readonly meanPinballLoss?: number };
}

/** The date section. */
export interface DateSummary {
  readonly n: number;
  /** Claims whose window held the date. */
  readonly hits: number;
  /** Mean of |error| in days; lower is better. */
  readonly meanAbsoluteErrorDays: number;
  /** Median signed error in days (positive = events came later than claimed). */
  readonly medianErrorDays: number;
}

/** Plans and goals, reported apart from forecast accuracy. */
export interface PlanSummary {
  /** Plans and goals made. */
  readonly total: number;
  readonly achieved: number;
  readonly missed: number;
  readonly noCalls: number;
  readonly pending: number;
  readonly annulled: number;
  readonly ambiguous: number;
  readonly unscored: number;
}

/** Relative scores over the questions shared with other forecasters. */
export interface RelativeSummary {
  /** Binary questions with at least one other scored forecaster. */
  readonly questions: number;
  /** Mean peer score; higher is better, 0 = as good as the others on average. */
  readonly meanPeerScore: number;
  /** Mean relative Brier score; lower is better, 0 = as good as the median other. */
  readonly meanRelativeBrier: number;
}

/**
 * A forecaster's scorecard: counts, hit rate, probability, numeric and date accuracy, plans and
 * goals, relative scores, what comes due next, and every prediction with its score.
 */
export interface Scorecard {
  readonly forecaster: Forecaster;
  /** The date it was drawn up on. */
  readonly asOf: string;
  /** The scoring options used, defaults applied. */
  readonly options: Readonly<Required<ScoringOptions>>;
  readonly counts: ScorecardCounts;
  /** Resolved forecasts of every kind with a verdict; absent when there are none. */
  readonly hitRate?: HitRate;
  readonly probability?: ProbabilitySummary;
  readonly numeric?: NumericSummary;
  readonly dates?: DateSummary;
  readonly plans: PlanSummary;
  readonly relative?: RelativeSummary;
  /** The next pending claims to come due on or after `asOf`, soonest first. */
  readonly upcoming: readonly ScorecardPrediction[];
  /** Every prediction, by due date then question id. */
  readonly predictions: readonly ScorecardPrediction[];
  /** The forecaster's forecasts made after the outcome (never scored), in prediction order then by time; empty when none. */
  readonly madeAfterOutcome: readonly ForecastAfterOutcome[];
}

/** One row of a {@link Leaderboard}. */
export interface LeaderboardEntry {
  /** 1-based position; no two entries share a rank (ties are broken as documented). */
  readonly rank: number;
  readonly forecasterId: string;
  readonly name: string;
  /** Resolved, scored forecasts (all kinds; plans and goals excluded). */
  readonly resolved: number;
  /** Binary forecasts among them. */
  readonly binary: number;
  /** Mean time-weighted Brier score over the binary ones; lower is better. */
  readonly meanBrier?: number;
  /** Mean time-weighted log loss over the binary ones; lower is better. */
  readonly meanLogLoss?: number;
  /** Hit rate with Wilson 95 % interval, over forecasts with a verdict. */
  readonly hitRate?: HitRate;
  /** Binary questions shared with other forecasters. */
  readonly relativeQuestions: number;
  /** Mean peer score over them; higher is better. */
  readonly meanPeerScore?: number;
  /** Mean relative Brier score over them; lower is better. */
  readonly meanRelativeBrier?: number;
}

/** Forecasters ranked by the Wilson lower bound of their hit rate, then mean Brier score. */
export interface Leaderboard {
  readonly asOf: string;
  readonly minResolved: number;
  readonly options: Readonly<Required<ScoringOptions>>;
  /** Ranked forecasters. */
  readonly entries: readonly LeaderboardEntry[];
  /** Forecasters with fewer than `minResolved` resolved forecasts, by id. */
  readonly unranked: readonly { readonly forecasterId: string; readonly name: string; readonly resolved: number }[];
}
