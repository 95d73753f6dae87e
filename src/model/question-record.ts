/**
 * A question as the ledger holds it: the record, its lifecycle status and its current resolution.
 *
 * @module
 */
import type { Question } from './question.js';
import type { Resolution, ResolutionStatus } from './resolution.js';

/** A question's lifecycle state: `open` until it has a resolution. */
export type QuestionStatus = 'open' | ResolutionStatus;

/** A resolution as stored: the record plus its place in the history. */
export type StoredResolution = Resolution & {
  /** The event that recorded it. */
  seq: number;
  /** When it was recorded. */
  recordedAt: string;
  /** The event of the resolution this one corrects, if it is a correction. */
  supersedes?: number;
};

/** A question with its current state. */
export interface QuestionRecord {
  question: Question;
  status: QuestionStatus;
  /** The current resolution (the latest, after any corrections). */
  resolution?: StoredResolution;
}
