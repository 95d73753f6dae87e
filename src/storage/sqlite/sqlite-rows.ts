/**
 * Rows read from the SQLite tables turned into the model's records.
 *
 * @internal
 * @module
 */
import type { EventType, LedgerEvent } from '../../model/ledger-event.js';

export { toQuestionRecord, toResolution, type QuestionRow } from '../stored-records.js';

/** An event row as read with `.raw()`. @internal */
export type EventTuple = [seq: number, type: EventType, entityId: string, recordedAt: string, payload: string, prevHash: string, hash: string];

/** An event row as an event, its payload parsed. @internal */
export function toEvent(row: EventTuple): LedgerEvent {
  const [seq, type, entityId, recordedAt, payload, prevHash, hash] = row;
  return { seq, type, entityId, recordedAt, payload: JSON.parse(payload) as unknown, prevHash, hash };
}

/** A question with its status and current resolution; add `WHERE`/`ORDER BY`. @internal */
export const QUESTION_SELECT = `SELECT e.payload, q.status, re.payload AS rPayload, re.seq AS rSeq, re.recorded_at AS rRecordedAt, r.supersedes_seq AS rSupersedes
  FROM questions q JOIN events e ON e.seq = q.event_seq
  LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq
  LEFT JOIN events re ON re.seq = q.resolution_seq`;
