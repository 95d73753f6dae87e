/**
 * Rows read from the SQLite tables turned into the model's records.
 *
 * @internal
 * @module
 */
import type { EventType, LedgerEvent } from '../../model/ledger-event.js';
import type { QuestionUpdate } from '../../model/question-update.js';

export { toQuestionRecord, toResolution, type QuestionRow } from '../stored-records.js';

/** An event row as read with `.raw()`. @internal */
export type EventTuple = [seq: number, type: EventType, entityId: string, recordedAt: string, payload: string, prevHash: string, hash: string];

/** An event row as an event, its payload parsed. @internal */
export function toEvent(row: EventTuple): LedgerEvent {
  const [seq, type, entityId, recordedAt, payload, prevHash, hash] = row;
  return { seq, type, entityId, recordedAt, payload: JSON.parse(payload) as unknown, prevHash, hash };
}

/** An update row (`SELECT e.type, e.payload, e.recorded_at …`) as read with `.raw()`. @internal */
export type UpdateTuple = [type: EventType, payload: string, recordedAt: string];

/** An update row as the update, its recording time in the record. @internal */
export function toUpdate([type, payload, recordedAt]: UpdateTuple): QuestionUpdate {
  return { type, record: { ...(JSON.parse(payload) as object), recordedAt } } as QuestionUpdate;
}

/** A question with its status and current resolution; add `WHERE`/`ORDER BY`. @internal */
export const QUESTION_SELECT = `SELECT e.payload, q.status, re.payload AS rPayload, re.seq AS rSeq, re.recorded_at AS rRecordedAt, r.supersedes_seq AS rSupersedes
  FROM questions q JOIN events e ON e.seq = q.event_seq
  LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq
  LEFT JOIN events re ON re.seq = q.resolution_seq`;
