/**
 * `verify()` of the stored scores (issue 11): every row and total recomputed from the records and
 * compared with what the tables hold. Written once for every backend.
 *
 * @internal
 * @module
 */
import type { ScoringData } from '../scoring/load-scoring-data.js';
import { emptyTotals } from '../scoring/stored/forecaster-totals.js';
import { fromTotalsRow, toScoreRow, type ForecasterTotalsRow, type QuestionScoreRow } from '../scoring/stored/stored-rows.js';
import { scoreLedger, totalsOf } from '../scoring/stored/stored-scores.js';
import type { VerifyProblem } from '../storage/types.js';

/** What the stored-scores check reads, in the verify snapshot. @internal */
export interface StoredScoresSnapshot {
  /** The whole ledger's records, as scoring reads them (every forecaster, question and standing forecast). */
  readonly data: ScoringData;
  readonly rows: readonly QuestionScoreRow[];
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
export function checkStoredScores(stored: StoredScoresSnapshot): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const fresh = scoreLedger(stored.data);
  const key = (r: { questionId: string; forecasterId: string }) => `${r.questionId} / ${r.forecasterId}`;
  const expected = new Map(fresh.map((s) => [key(s), toScoreRow(s)]));
  const rowProblems: string[] = [];
  for (const row of stored.rows) {
    const want = expected.get(key(row));
    expected.delete(key(row));
    if (!want) rowProblems.push(`a score of question "${row.questionId}" for forecaster "${row.forecasterId}", who has no standing forecast scored there`);
    else {
      const differs = ROW_COLUMNS.filter((c) => !Object.is(row[c], want[c]));
      if (differs.length) rowProblems.push(`the score of question "${row.questionId}" for forecaster "${row.forecasterId}" differs from the records in ${differs.join(', ')}`);
    }
  }
  for (const want of expected.values()) rowProblems.push(`no score of question "${want.questionId}" for forecaster "${want.forecasterId}", who has one`);
  for (const message of rowProblems.slice(0, NAMED)) problems.push({ table: 'question_scores', message: `stored score does not match the records: ${message}` });
  if (rowProblems.length > NAMED) problems.push({ table: 'question_scores', message: `and ${rowProblems.length - NAMED} more stored scores do not match the records` });

  const totals = totalsOf(fresh);
  const totalProblems: string[] = [];
  const seen = new Set<string>();
  for (const row of stored.totals) {
    seen.add(row.forecasterId);
    const have = fromTotalsRow(row);
    const want = totals.get(row.forecasterId) ?? emptyTotals();
    const differs = (['hits', 'misses', 'noCalls', 'binary', 'relativeQuestions'] as const).filter((c) => have[c] !== want[c]);
    for (const c of ['brier', 'logLoss', 'peerScore', 'relativeBrier'] as const) if (!Object.is(have[c].total(), want[c].total())) differs.push(c as never);
    if (differs.length) totalProblems.push(`the totals of forecaster "${row.forecasterId}" differ from the records in ${differs.join(', ')}`);
  }
  for (const id of totals.keys()) if (!seen.has(id)) totalProblems.push(`no totals for forecaster "${id}", who has scores`);
  for (const message of totalProblems.slice(0, NAMED)) problems.push({ table: 'forecaster_scores', message: `stored totals do not match the records: ${message}` });
  if (totalProblems.length > NAMED) problems.push({ table: 'forecaster_scores', message: `and ${totalProblems.length - NAMED} more stored totals do not match the records` });
  return problems;
}
