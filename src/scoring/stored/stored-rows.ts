/**
 * Stored scores as database rows, and the incremental update the engine makes when a question's
 * scores change: every backend stores the same columns, in its own SQL.
 *
 * @internal
 * @module
 */
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionRecord } from '../../model/question-record.js';
import { addAggregates } from '../aggregate/with-aggregates.js';
import type { ScoringForecast } from '../load-scoring-data.js';
import { everStood } from '../point-in-time.js';
import type { ClaimVerdict } from '../claims/score-prediction.js';
import { ExactSum } from '../_internal/sum.js';
import { addFigures, emptyTotals, figuresOf, type ForecasterTotals, type ScoreFigures } from './forecaster-totals.js';
import { scoreQuestion, type QuestionScore, type ScorecardScore, type ScoreSection } from './score-question.js';
import { forecastsByQuestion, storedScoringOptions } from './stored-scores.js';

/**
 * One row of `question_scores`: a forecaster's score on a resolved question. The columns the
 * leaderboard's totals add up, and `detail`, the JSON of everything a scorecard shows for it.
 *
 * @internal
 */
export interface QuestionScoreRow {
  questionId: string;
  forecasterId: string;
  section: ScoreSection;
  verdict: ClaimVerdict;
  brier: number | null;
  logLoss: number | null;
  peerScore: number | null;
  relativeBrier: number | null;
  /** JSON of `{ score, coverage, relative? }`. */
  detail: string;
}

/** One row of `forecaster_scores`: a forecaster's totals, the sums as {@link ExactSum} text. @internal */
export interface ForecasterTotalsRow {
  forecasterId: string;
  hits: number;
  misses: number;
  noCalls: number;
  binary: number;
  relativeQuestions: number;
  brier: string;
  logLoss: string;
  peerScore: string;
  relativeBrier: string;
}

/** The row of a question score. @internal */
export function toScoreRow(s: QuestionScore): QuestionScoreRow {
  const binary = s.section === 'forecast' && s.score.kind === 'binary';
  return {
    questionId: s.questionId,
    forecasterId: s.forecasterId,
    section: s.section,
    verdict: s.score.verdict,
    brier: binary ? s.score.brier! : null,
    logLoss: binary ? s.score.logLoss! : null,
    peerScore: s.relative?.peerScore ?? null,
    relativeBrier: s.relative?.relativeBrier ?? null,
    detail: JSON.stringify({ score: s.score, coverage: s.coverage, ...(s.relative ? { relative: s.relative } : {}) }),
  };
}

/**
 * A stored row as a scorecard reads it: the question and the JSON detail. The other columns are what the
 * leaderboard's totals add up, and the forecaster is the one whose scorecard it is, so neither is read.
 *
 * @internal
 */
export type ScorecardScoreRow = Pick<QuestionScoreRow, 'questionId' | 'detail'>;

/**
 * The scores of a forecaster's stored rows by question id, each detail parsed once and used as it is
 * (no copy into a {@link QuestionScore}: a scorecard reads only its score, coverage and relative figures).
 *
 * @internal
 */
export function scorecardScoresOf(rows: readonly ScorecardScoreRow[]): Map<string, ScorecardScore> {
  const scores = new Map<string, ScorecardScore>();
  for (const row of rows) scores.set(row.questionId, JSON.parse(row.detail) as ScorecardScore);
  return scores;
}

/** The figures the totals hold for a row, read from its columns; `undefined` for a plan or goal. @internal */
export function figuresOfRow(row: QuestionScoreRow): ScoreFigures | undefined {
  if (row.section !== 'forecast') return undefined;
  return {
    verdict: row.verdict,
    ...(row.brier !== null ? { brier: row.brier, logLoss: row.logLoss! } : {}),
    ...(row.peerScore !== null ? { peerScore: row.peerScore, relativeBrier: row.relativeBrier! } : {}),
  };
}

/** The row of a forecaster's totals. @internal */
export function toTotalsRow(forecasterId: string, t: ForecasterTotals): ForecasterTotalsRow {
  return {
    forecasterId,
    hits: t.hits,
    misses: t.misses,
    noCalls: t.noCalls,
    binary: t.binary,
    relativeQuestions: t.relativeQuestions,
    brier: t.brier.serialize(),
    logLoss: t.logLoss.serialize(),
    peerScore: t.peerScore.serialize(),
    relativeBrier: t.relativeBrier.serialize(),
  };
}

/** The totals a row holds. @internal */
export function fromTotalsRow(row: ForecasterTotalsRow): ForecasterTotals {
  return {
    hits: row.hits,
    misses: row.misses,
    noCalls: row.noCalls,
    binary: row.binary,
    relativeQuestions: row.relativeQuestions,
    brier: ExactSum.parse(row.brier),
    logLoss: ExactSum.parse(row.logLoss),
    peerScore: ExactSum.parse(row.peerScore),
    relativeBrier: ExactSum.parse(row.relativeBrier),
  };
}

/** What rescoring some questions reads: as the batch leaves the ledger. @internal */
export interface RescoreInput {
  /** The questions to rescore, with their current status and resolution. */
  readonly records: readonly QuestionRecord[];
  /** Every forecast on those questions, a withdrawn one with its `withdrawnAt` (it counts until then). */
  readonly forecasts: readonly ScoringForecast[];
  /** Every aggregate forecaster of the ledger (scored from their members' forecasts). */
  readonly aggregates: readonly Forecaster[];
  /** The rows stored for those questions now. */
  readonly oldRows: readonly QuestionScoreRow[];
  /** The stored totals of every forecaster in `oldRows` or with a forecast in `forecasts`, and of the aggregates (absent: none yet). */
  readonly totals: ReadonlyMap<string, ForecasterTotalsRow>;
}

/** The rows to write: each rescored question's new rows (replacing all its old ones), and the totals that changed. @internal */
export interface RescoreOutput {
  readonly questions: { questionId: string; rows: QuestionScoreRow[] }[];
  readonly totals: ForecasterTotalsRow[];
}

/**
 * Scores the questions again and updates the totals: each forecaster's old figures on them taken
 * out, the new ones added (exact sums, so the same as summing afresh).
 *
 * @internal
 */
export function rescoreQuestions(input: RescoreInput): RescoreOutput {
  const o = storedScoringOptions();
  const data = addAggregates({ forecasters: input.aggregates, questions: input.records, forecasts: input.forecasts.filter(everStood) });
  const byQuestion = forecastsByQuestion(data.forecasts);
  const totals = new Map<string, ForecasterTotals>();
  const totalsOf = (id: string): ForecasterTotals => {
    let t = totals.get(id);
    if (!t) {
      const row = input.totals.get(id);
      totals.set(id, (t = row ? fromTotalsRow(row) : emptyTotals()));
    }
    return t;
  };
  for (const row of input.oldRows) {
    const figures = figuresOfRow(row);
    if (figures) addFigures(totalsOf(row.forecasterId), figures, -1);
  }
  const questions: RescoreOutput['questions'] = [];
  for (const record of input.records) {
    const scores = scoreQuestion(record, byQuestion.get(record.question.id) ?? [], o);
    for (const s of scores) {
      const figures = figuresOf(s);
      if (figures) addFigures(totalsOf(s.forecasterId), figures);
    }
    questions.push({ questionId: record.question.id, rows: scores.map(toScoreRow) });
  }
  return { questions, totals: [...totals].map(([id, t]) => toTotalsRow(id, t)) };
}
