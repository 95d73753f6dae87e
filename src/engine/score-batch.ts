/**
 * Stored scores kept current by the engine (issue 11): which questions a batch changes the scores
 * of, and the projection rows that replace their scores and update the forecasters' totals, written
 * in the batch's own transaction after its events, a page of questions at a time.
 *
 * @internal
 * @module
 */
import type { Change } from '../model/change.js';
import { rescoreQuestions } from '../scoring/stored/stored-rows.js';
import type { BatchReader } from './batch-reader.js';
import { emptyFactRequest } from './fact-request.js';
import type { ProjectionRow, ScoresRequest, ScoringFacts, WriteTransaction } from './storage-adapter.js';

/**
 * The questions whose stored scores the applied changes alter: every question resolved, corrected,
 * annulled or marked ambiguous; a resolved question that gets a forecast, a withdrawal (the forecast
 * counts until then) or a new due date; every resolved question when an aggregate forecaster joins. `undefined` for none.
 *
 * @param applied - the changes the batch writes (not the refused or unchanged ones)
 * @param reader - the batch's reader, after every change was applied to it
 * @internal
 */
export function scoresRequest(applied: readonly Change[], reader: BatchReader): ScoresRequest | undefined {
  const questions = new Set<string>();
  const forecasters = new Set<string>();
  const touched = new Set<string>();
  let allResolved = false;
  for (const change of applied) {
    switch (change.type) {
      case 'resolution.recorded':
        questions.add(change.record.questionId);
        break;
      case 'forecast.added':
        touched.add(change.record.questionId);
        forecasters.add(change.record.forecasterId);
        break;
      case 'forecast.withdrawn':
        touched.add(reader.forecastFacts(change.record.forecastId)!.questionId);
        break;
      case 'question.amended':
        // A new due date moves the close the scores are time-weighted to.
        if (change.record.changes.resolveOn !== undefined) touched.add(change.record.questionId);
        break;
      case 'forecaster.added':
        if (change.record.aggregate) {
          allResolved = true;
          forecasters.add(change.record.id);
        }
        break;
      default:
        break;
    }
  }
  for (const qid of touched) if (reader.questionFacts(qid)?.resolution?.status === 'resolved') questions.add(qid);
  return questions.size || allResolved ? { questions, allResolved, forecasters } : undefined;
}

/** Questions rescored per page: a page's forecasts, rows and scores are all a rescore holds in memory at once. @internal */
export const RESCORE_PAGE = 2000;

/**
 * Brings the stored scores up to date with the batch, inside its transaction, once the batch's
 * events and projection rows are appended: the questions rescored a page at a time, each page's
 * state read (`FactRequest.scores`, which then includes the batch), scored, and its rows appended
 * before the next page is read, so memory is bounded by a page, not by the batch. Each page's
 * totals start from those the pages before it wrote.
 *
 * @param tx - the batch's write transaction, after `append` of its events
 * @param request - what {@link scoresRequest} asked
 * @param pageSize - questions per page
 * @internal
 */
export async function rescoreBatch(tx: WriteTransaction, request: ScoresRequest, pageSize = RESCORE_PAGE): Promise<void> {
  const ids = [...request.questions];
  // Every resolved question (an aggregate forecaster joined) comes with the first page, in one read.
  for (let start = 0; start < ids.length || (start === 0 && request.allResolved); start += pageSize) {
    const page: ScoresRequest = {
      questions: new Set(ids.slice(start, start + pageSize)),
      allResolved: start === 0 && request.allResolved,
      forecasters: request.forecasters,
    };
    const facts = (await tx.loadFacts({ ...emptyFactRequest(), scores: page })).scores!;
    await tx.append([], scoreProjections(facts));
  }
}

/**
 * The projection rows that bring the stored scores of the loaded questions up to date: each
 * question's rows (replacing its old ones) and every changed forecaster's totals.
 *
 * @param facts - the state of the questions as the batch leaves them (loaded after its events were appended)
 * @internal
 */
export function scoreProjections(facts: ScoringFacts): ProjectionRow[] {
  const out = rescoreQuestions({ records: facts.records, forecasts: facts.forecasts, aggregates: facts.aggregates, oldRows: facts.rows, totals: facts.totals });
  const stored = new Set<string>();
  for (const row of facts.rows) stored.add(row.questionId);
  const rows: ProjectionRow[] = out.questions.map((q) => ({
    kind: 'question-scores',
    questionId: q.questionId,
    rows: q.rows,
    replaces: stored.has(q.questionId),
  }));
  for (const row of out.totals) rows.push({ kind: 'forecaster-scores', row });
  return rows;
}
