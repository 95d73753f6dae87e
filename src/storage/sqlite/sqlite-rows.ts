/**
 * Rows read from the SQLite tables turned into the model's records.
 *
 * @internal
 * @module
 */
import type { EventType, LedgerEvent } from '../../model/ledger-event.js';
import type { Question } from '../../model/question.js';
import type { QuestionRecord, QuestionStatus, StoredResolution } from '../../model/question-record.js';
import type { Resolution } from '../../model/resolution.js';

/** An event row as read with `.raw()`. @internal */
export type EventTuple = [seq: number, type: EventType, entityId: string, recordedAt: string, payload: string, prevHash: string, hash: string];

/** An event row as an event, its payload parsed. @internal */
export function toEvent(row: EventTuple): LedgerEvent {
  const [seq, type, entityId, recordedAt, payload, prevHash, hash] = row;
  return { seq, type, entityId, recordedAt, payload: JSON.parse(payload) as unknown, prevHash, hash };
}

/** A resolution event's payload and place in the history as a stored resolution. @internal */
export function toResolution(payload: string, seq: number, recordedAt: string, supersedes: number | null): StoredResolution {
  const r = JSON.parse(payload) as Resolution;
  return { ...r, seq, recordedAt, ...(supersedes === null ? {} : { supersedes }) };
}

/** A row of {@link QUESTION_SELECT}. @internal */
export interface QuestionRow {
  payload: string;
  status: QuestionStatus;
  rPayload: string | null;
  rSeq: number | null;
  rRecordedAt: string | null;
  rSupersedes: number | null;
}

/** A question with its status and current resolution; add `WHERE`/`ORDER BY`. @internal */
export const QUESTION_SELECT = `SELECT e.payload, q.status, re.payload AS rPayload, re.seq AS rSeq, re.recorded_at AS rRecordedAt, r.supersedes_seq AS rSupersedes
  FROM questions q JOIN events e ON e.seq = q.event_seq
  LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq
  LEFT JOIN events re ON re.seq = q.resolution_seq`;

/** A {@link QuestionRow} as a record. @internal */
export function toQuestionRecord(row: QuestionRow): QuestionRecord {
  const record: QuestionRecord = { question: JSON.parse(row.payload) as Question, status: row.status };
  if (row.rPayload !== null) record.resolution = toResolution(row.rPayload, row.rSeq!, row.rRecordedAt!, row.rSupersedes);
  return record;
}
