/**
 * Stored scores kept current by the engine (issue 11): which questions a batch changes the scores
 * of, and the projection rows that replace their scores and update the forecasters' totals, written
 * in the batch's own transaction.
 *
 * @internal
 * @module
 */
import type { Change } from '../model/change.js';
import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Question } from '../model/question.js';
import type { QuestionRecord } from '../model/question-record.js';
import { rescoreQuestions } from '../scoring/stored/stored-rows.js';
import type { BatchReader } from './batch-reader.js';
import type { ProjectionRow, ScoresRequest, ScoringFacts } from './storage-adapter.js';

/**
 * The questions whose stored scores the applied changes alter: every question resolved, corrected,
 * annulled or marked ambiguous; a resolved question that gets a forecast or loses one to a
 * withdrawal; every resolved question when an aggregate forecaster joins. `undefined` for none.
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
 * @param reader - the batch's reader (for the resolutions the batch records)
 * @param request - what {@link scoresRequest} asked
 * @param facts - the committed state the adapter loaded for it
 * @internal
 */
export function scoreProjections(applied: readonly Change[], reader: BatchReader, request: ScoresRequest, facts: ScoringFacts): ProjectionRow[] {
  const committed = new Map(facts.records.map((r) => [r.question.id, r]));
  const added = new Map<string, Question>();
  const forecasts: StoredForecast[] = [...facts.forecasts];
  const withdrawn = new Set<string>();
  const aggregates: Forecaster[] = [...facts.aggregates];
  for (const change of applied) {
    if (change.type === 'question.added') added.set(change.record.id, change.record);
    else if (change.type === 'forecast.added') forecasts.push(change.record as StoredForecast);
    else if (change.type === 'forecast.withdrawn') withdrawn.add(change.record.forecastId);
    else if (change.type === 'forecaster.added' && change.record.aggregate) aggregates.push(change.record);
  }
  const ids = new Set(request.questions);
  if (request.allResolved) for (const r of facts.records) ids.add(r.question.id);
  const records: QuestionRecord[] = [];
  for (const qid of ids) {
    const question = added.get(qid) ?? committed.get(qid)?.question;
    if (!question) continue;
    // The batch's own resolution when it records one (a correction supersedes the committed one).
    const resolution = reader.writtenResolution(qid) ?? committed.get(qid)?.resolution;
    records.push(resolution ? { question, status: resolution.status, resolution } : { question, status: 'open' });
  }
  const out = rescoreQuestions({
    records,
    // Committed forecasts first, then the batch's: recorded order, as every other reader sees them.
    forecasts: forecasts.filter((f) => ids.has(f.questionId) && !withdrawn.has(f.id)),
    aggregates,
    oldRows: facts.rows,
    totals: facts.totals,
  });
  const rows: ProjectionRow[] = out.questions.map((q) => ({ kind: 'question-scores', questionId: q.questionId, rows: q.rows }));
  for (const row of out.totals) rows.push({ kind: 'forecaster-scores', row });
  return rows;
}
