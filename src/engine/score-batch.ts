/**
 * Stored scores kept current by the engine (issue 11): which questions a batch changes the scores
 * of, and the projection rows that replace their scores and update the forecasters' totals, written
 * in the batch's own transaction.
 *
 * @internal
 * @module
 */
import { amendedQuestion } from '../core/question-revision.js';
import type { Change } from '../model/change.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Question } from '../model/question.js';
import type { QuestionRecord } from '../model/question-record.js';
import type { ScoringForecast } from '../scoring/load-scoring-data.js';
import { rescoreQuestions } from '../scoring/stored/stored-rows.js';
import type { BatchReader } from './batch-reader.js';
import type { EventRow, ProjectionRow, ScoresRequest, ScoringFacts } from './storage-adapter.js';

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

/**
 * The projection rows that bring the stored scores up to date with the batch: each rescored
 * question's rows (replacing its old ones) and every changed forecaster's totals.
 *
 * @param applied - the changes the batch writes, in order
 * @param events - their events, one per change (the recording times of withdrawals)
 * @param reader - the batch's reader (for the resolutions the batch records)
 * @param request - what {@link scoresRequest} asked
 * @param facts - the committed state the adapter loaded for it
 * @internal
 */
export function scoreProjections(
  applied: readonly Change[],
  events: readonly EventRow[],
  reader: BatchReader,
  request: ScoresRequest,
  facts: ScoringFacts,
): ProjectionRow[] {
  const committed = new Map(facts.records.map((r) => [r.question.id, r]));
  // Each question as the batch leaves it: committed records are current revisions, the batch's amendments apply on top.
  const questions = new Map<string, Question>(facts.records.map((r) => [r.question.id, r.question]));
  const forecasts: ScoringForecast[] = [...facts.forecasts];
  const withdrawnAt = new Map<string, string>();
  const aggregates: Forecaster[] = [...facts.aggregates];
  applied.forEach((change, i) => {
    if (change.type === 'question.added') questions.set(change.record.id, change.record);
    else if (change.type === 'question.amended') {
      const question = questions.get(change.record.questionId);
      if (question) questions.set(change.record.questionId, amendedQuestion(question, [change.record]));
    } else if (change.type === 'forecast.added') forecasts.push(change.record);
    // A withdrawal counts from the time its event is recorded (as `loadScoringData` reads it).
    else if (change.type === 'forecast.withdrawn') withdrawnAt.set(change.record.forecastId, events[i]!.recordedAt);
    else if (change.type === 'forecaster.added' && change.record.aggregate) aggregates.push(change.record);
  });
  const ids = new Set(request.questions);
  if (request.allResolved) for (const r of facts.records) ids.add(r.question.id);
  const records: QuestionRecord[] = [];
  for (const qid of ids) {
    const question = questions.get(qid);
    if (!question) continue;
    // The batch's own resolution when it records one (a correction supersedes the committed one).
    const resolution = reader.writtenResolution(qid) ?? committed.get(qid)?.resolution;
    records.push(resolution ? { question, status: resolution.status, resolution } : { question, status: 'open' });
  }
  const out = rescoreQuestions({
    records,
    // Committed forecasts first, then the batch's: recorded order, as every other reader sees them.
    forecasts: forecasts.flatMap((f) => {
      if (!ids.has(f.questionId)) return [];
      const at = withdrawnAt.get(f.id);
      return [at === undefined ? f : { ...f, withdrawnAt: at }];
    }),
    aggregates,
    oldRows: facts.rows,
    totals: facts.totals,
  });
  const rows: ProjectionRow[] = out.questions.map((q) => ({ kind: 'question-scores', questionId: q.questionId, rows: q.rows }));
  for (const row of out.totals) rows.push({ kind: 'forecaster-scores', row });
  return rows;
}
