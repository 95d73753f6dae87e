/**
 * The events of the append-only history: their types and their stored form.
 *
 * @module
 */

/** The types of event in the history, as an `as const` tuple. */
export const EVENT_TYPES = [
  'source.added',
  'forecaster.added',
  'question.added',
  'forecast.added',
  'resolution.recorded',
  'question.clarified',
  'question.amended',
  'comment.added',
  'forecast.withdrawn',
] as const;
/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** One event of the append-only history. */
export interface LedgerEvent {
  /** Position in the history, from 1, without gaps. */
  seq: number;
  /** What happened. */
  type: EventType;
  /** The record's id (the question id for resolutions, clarifications, amendments and comments; the forecast id for a withdrawal). */
  entityId: string;
  /** When the ledger recorded it (ISO-8601 instant). */
  recordedAt: string;
  /** The record as stored (parsed from its canonical JSON). */
  payload: unknown;
  /** The hash of the previous event (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over `prevHash` and this event's fields. */
  hash: string;
}
