/**
 * Rows read from the PostgreSQL tables turned into the model's records.
 *
 * @internal
 * @module
 */
import type { EventRow } from '../../engine/storage-adapter.js';
import type { QuestionUpdate } from '../../model/question-update.js';
import type { EventType, LedgerEvent } from '../types.js';

export { toQuestionRecord, toResolution, type QuestionRow } from '../stored-records.js';

/** The event columns under the names of an {@link EventRow} (quoted: PostgreSQL folds unquoted names to lower case). @internal */
export const EVENT_COLUMNS = 'seq, type, entity_id AS "entityId", recorded_at AS "recordedAt", payload, prev_hash AS "prevHash", hash';

/** An event row as an event, its payload parsed. @internal */
export function toEvent(row: EventRow): LedgerEvent {
  return { ...row, payload: JSON.parse(row.payload) as unknown };
}

/** The columns of a `QuestionRow`, from {@link QUESTION_FROM}. @internal */
export const QUESTION_COLUMNS = `e.payload, q.status, re.payload AS "rPayload", re.seq AS "rSeq", re.recorded_at AS "rRecordedAt",
    r.supersedes_seq AS "rSupersedes"`;

/** The tables a question with its current resolution is read from (the question as `q`). @internal */
export const QUESTION_FROM = `FROM questions q JOIN events e ON e.seq = q.event_seq
  LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq
  LEFT JOIN events re ON re.seq = q.resolution_seq`;

/** A question with its status and current resolution (a `QuestionRow`); add `WHERE`/`ORDER BY`. @internal */
export const QUESTION_SELECT = `SELECT ${QUESTION_COLUMNS}
  ${QUESTION_FROM}`;

/** The columns of an {@link UpdateRow}, from `question_updates u JOIN events e ON e.seq = u.event_seq`. @internal */
export const UPDATE_COLUMNS = 'e.type, e.payload, e.recorded_at AS "recordedAt"';

/** An update row as read with {@link UPDATE_COLUMNS}. @internal */
export interface UpdateRow {
  type: EventType;
  payload: string;
  recordedAt: string;
}

/** An update row as the update, its recording time in the record. @internal */
export function toUpdate({ type, payload, recordedAt }: UpdateRow): QuestionUpdate {
  return { type, record: { ...(JSON.parse(payload) as object), recordedAt } } as QuestionUpdate;
}
