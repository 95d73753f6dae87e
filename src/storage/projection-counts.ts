/**
 * The first check of the derived tables, the same on every backend: each table has as many rows as
 * the history has events of its kinds.
 *
 * @internal
 * @module
 */
import type { VerifyProblem } from './types.js';

/** Each derived table with one row per event, and the event types it holds. @internal */
export const PROJECTED_TABLES: readonly { table: string; types: readonly string[]; what: string }[] = [
  { table: 'sources', types: ['source.added'], what: 'source.added' },
  { table: 'forecasters', types: ['forecaster.added'], what: 'forecaster.added' },
  { table: 'questions', types: ['question.added'], what: 'question.added' },
  { table: 'forecasts', types: ['forecast.added'], what: 'forecast.added' },
  { table: 'resolutions', types: ['resolution.recorded'], what: 'resolution.recorded' },
  {
    table: 'question_updates',
    types: ['question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn'],
    what: 'clarification, amendment, comment and withdrawal',
  },
];

/**
 * Compares each derived table's row count with the number of events of its kinds.
 *
 * @param rowCounts - the rows of each table of {@link PROJECTED_TABLES}, as the backend counted them (inside the snapshot)
 * @param eventCounts - events per type, from the chain walk
 * @internal
 */
export function countProblems(rowCounts: Readonly<Record<string, number>>, eventCounts: Readonly<Record<string, number>>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const { table, types, what } of PROJECTED_TABLES) {
    const rows = rowCounts[table] ?? 0;
    const events = types.reduce((sum, type) => sum + (eventCounts[type] ?? 0), 0);
    if (rows !== events) {
      problems.push({
        table,
        message: `${table} has ${rows} rows but the history has ${events} ${what} events: rows were ${rows < events ? 'deleted' : 'inserted'} outside the ledger`,
      });
    }
  }
  return problems;
}
