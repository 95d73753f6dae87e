/**
 * Rows read from the PostgreSQL tables turned into the model's records.
 *
 * @internal
 * @module
 */
import type { Question } from '../../model/question.js';
import type { Resolution } from '../../model/resolution.js';
import type { EventRow } from '../../engine/storage-adapter.js';
import type { LedgerEvent, QuestionRecord, QuestionStatus, StoredResolution } from '../types.js';

/** The event columns under the names of an {@link EventRow} (quoted: PostgreSQL folds unquoted names to lower case). @internal */
export const EVENT_COLUMNS = 'seq, type, entity_id AS "entityId", recorded_at AS "recordedAt", payload, prev_hash AS "prevHash", hash';

/** An event row as an event, its payload parsed. @internal */
export function toEvent(row: EventRow): LedgerEvent {
  return { ...row, payload: JSON.parse(row.payload) as unknown };
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
export const QUESTION_SELECT = `SELECT e.payload, q.status, re.payload AS "rPayload", re.seq AS "rSeq", re.recorded_at AS "rRecordedAt",
    r.supersedes_seq AS "rSupersedes"
  FROM questions q JOIN events e ON e.seq = q.event_seq
  LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq
  LEFT JOIN events re ON re.seq = q.resolution_seq`;

/** A {@link QuestionRow} as a record. @internal */
export function toQuestionRecord(row: QuestionRow): QuestionRecord {
  const record: QuestionRecord = { question: JSON.parse(row.payload) as Question, status: row.status };
  if (row.rPayload !== null) record.resolution = toResolution(row.rPayload, row.rSeq!, row.rRecordedAt!, row.rSupersedes);
  return record;
}
