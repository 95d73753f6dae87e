/**
 * Rows read from a ledger's tables — any backend's — turned into the model's records: the parts of
 * a row are the same on every backend (an event's payload and place, a question with its current
 * resolution), only the SQL that reads them differs.
 *
 * @internal
 * @module
 */
import type { StoredForecast } from '../model/forecast.js';
import type { Question } from '../model/question.js';
import type { QuestionRecord, QuestionStatus, StoredResolution } from '../model/question-record.js';
import type { Resolution } from '../model/resolution.js';
import type { ScoringForecast } from '../scoring/load-scoring-data.js';

/** A resolution event's payload and place in the history as a stored resolution. @internal */
export function toResolution(payload: string, seq: number, recordedAt: string, supersedes: number | null): StoredResolution {
  const r = JSON.parse(payload) as Resolution;
  return { ...r, seq, recordedAt, ...(supersedes === null ? {} : { supersedes }) };
}

/** A question row: its payload and status, and its current resolution's event, when it has one. @internal */
export interface QuestionRow {
  payload: string;
  status: QuestionStatus;
  rPayload: string | null;
  rSeq: number | null;
  rRecordedAt: string | null;
  rSupersedes: number | null;
}

/** A {@link QuestionRow} as a record. @internal */
export function toQuestionRecord(row: QuestionRow): QuestionRecord {
  const record: QuestionRecord = { question: JSON.parse(row.payload) as Question, status: row.status };
  if (row.rPayload !== null) record.resolution = toResolution(row.rPayload, row.rSeq!, row.rRecordedAt!, row.rSupersedes);
  return record;
}

/** A forecast's payload with its withdrawal's recording time, if withdrawn, as the stored scores read it. @internal */
export interface ScoringForecastRow {
  payload: string;
  withdrawnAt: string | null;
}

/** A {@link ScoringForecastRow} as scoring reads it (a withdrawn forecast counts until `withdrawnAt`). @internal */
export function toScoringForecast(row: ScoringForecastRow): ScoringForecast {
  const f = JSON.parse(row.payload) as StoredForecast;
  return row.withdrawnAt === null ? f : { ...f, withdrawnAt: row.withdrawnAt };
}
