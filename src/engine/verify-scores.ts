/**
 * `verify()` of the stored scores (issue 11): every row and total recomputed from the records and
 * compared with what the tables hold. Written once for every backend.
 *
 * @internal
 * @module
 */
import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { QuestionRecord } from '../model/question-record.js';
import { addFigures, emptyTotals, figuresOf, type ForecasterTotals } from '../scoring/stored/forecaster-totals.js';
import type { QuestionScore } from '../scoring/stored/score-question.js';
import { fromTotalsRow, toScoreRow, type ForecasterTotalsRow, type QuestionScoreRow } from '../scoring/stored/stored-rows.js';
import { scoreLedger } from '../scoring/stored/stored-scores.js';
import type { VerifyProblem } from '../storage/types.js';

/** One page of the stored-scores check: some resolved questions, the standing forecasts on them and their stored rows. @internal */
export interface StoredScoresPage {
  readonly questions: readonly QuestionRecord[];
  readonly forecasts: readonly StoredForecast[];
  readonly rows: readonly QuestionScoreRow[];
}

/** What the stored-scores check reads, in the verify snapshot, a page of questions at a time (memory stays bounded). @internal */
export interface StoredScoresSnapshot {
  /** Every forecaster (the aggregates are scored from their members' forecasts). */
  readonly forecasters: readonly Forecaster[];
  /** The resolved questions in pages, with the records scoring reads (from the event payloads) and their stored rows. */
  readonly pages: AsyncIterable<StoredScoresPage>;
  /** Stored rows of questions that are not resolved (there should be none). */
  readonly strayRows: readonly QuestionScoreRow[];
  readonly totals: readonly ForecasterTotalsRow[];
}

/** How many differences of each table are named. */
const NAMED = 5;

const ROW_COLUMNS = ['section', 'verdict', 'brier', 'logLoss', 'peerScore', 'relativeBrier', 'detail'] as const;

/**
 * The differences between the stored scores and the scores recomputed from the records.
 *
 * @internal
 */
export async function checkStoredScores(stored: StoredScoresSnapshot): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  const key = (r: { questionId: string; forecasterId: string }) => `${r.questionId} / ${r.forecasterId}`;
  const rowProblems: string[] = [];
  const totals = new Map<string, ForecasterTotals>();
  const compare = (rows: readonly QuestionScoreRow[], fresh: readonly QuestionScore[]): void => {
    const expected = new Map(fresh.map((s) => [key(s), toScoreRow(s)]));
    for (const row of rows) {
      const want = expected.get(key(row));
      expected.delete(key(row));
      if (!want) rowProblems.push(`a score of question "${row.questionId}" for forecaster "${row.forecasterId}", who has no standing forecast scored there`);
      else {
        const differs = ROW_COLUMNS.filter((c) => !Object.is(row[c], want[c]));
        if (differs.length)
          rowProblems.push(`the score of question "${row.questionId}" for forecaster "${row.forecasterId}" differs from the records in ${differs.join(', ')}`);
      }
    }
    for (const want of expected.values()) rowProblems.push(`no score of question "${want.questionId}" for forecaster "${want.forecasterId}", who has one`);
  };
  for await (const page of stored.pages) {
    const fresh = scoreLedger({ forecasters: stored.forecasters, questions: page.questions, forecasts: page.forecasts });
    compare(page.rows, fresh);
    for (const s of fresh) {
      const figures = figuresOf(s);
      if (!figures) continue;
      let t = totals.get(s.forecasterId);
      if (!t) totals.set(s.forecasterId, (t = emptyTotals()));
      addFigures(t, figures);
    }
  }
  compare(stored.strayRows, []);
  for (const message of rowProblems.slice(0, NAMED))
    problems.push({ table: 'question_scores', message: `stored score does not match the records: ${message}` });
  if (rowProblems.length > NAMED)
    problems.push({ table: 'question_scores', message: `and ${rowProblems.length - NAMED} more stored scores do not match the records` });

  const totalProblems: string[] = [];
  const seen = new Set<string>();
  for (const row of stored.totals) {
    seen.add(row.forecasterId);
    const have = fromTotalsRow(row);
    const want = totals.get(row.forecasterId) ?? emptyTotals();
    const differs: string[] = (['hits', 'misses', 'noCalls', 'binary', 'relativeQuestions'] as const).filter((c) => have[c] !== want[c]);
    for (const c of ['brier', 'logLoss', 'peerScore', 'relativeBrier'] as const) if (!Object.is(have[c].total(), want[c].total())) differs.push(c);
    if (differs.length) totalProblems.push(`the totals of forecaster "${row.forecasterId}" differ from the records in ${differs.join(', ')}`);
  }
  for (const id of totals.keys()) if (!seen.has(id)) totalProblems.push(`no totals for forecaster "${id}", who has scores`);
  for (const message of totalProblems.slice(0, NAMED))
    problems.push({ table: 'forecaster_scores', message: `stored totals do not match the records: ${message}` });
  if (totalProblems.length > NAMED)
    problems.push({ table: 'forecaster_scores', message: `and ${totalProblems.length - NAMED} more stored totals do not match the records` });
  return problems;
}
