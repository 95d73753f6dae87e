import type { Question } from '../model/question.js';
import type { QuestionAmendment } from '../model/question-update.js';
import { instantOf } from './time-rules.js';

/**
 * The question as its amendments left it: each amendment's `changes` applied in recorded order to
 * the question as first added (title, statement, `resolution.criteria`).
 *
 * @param question - the question as added
 * @param amendments - its amendments, in recorded order
 * @returns the current revision of the question (the input itself when there is no amendment)
 * @internal
 */
export function amendedQuestion(question: Question, amendments: readonly QuestionAmendment[]): Question {
  let current = question;
  for (const { changes } of amendments) {
    current = {
      ...current,
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.statement === undefined ? {} : { statement: changes.statement }),
      ...(changes.criteria === undefined ? {} : { resolution: { ...current.resolution, criteria: changes.criteria } }),
    };
  }
  return current;
}

/**
 * The revision of a question a forecast was made against: the number of amendments recorded at or
 * before the forecast's `madeAt` (0 for the question as first added).
 *
 * @remarks
 * Computed from times, not stored, so it is the same after an export and an import: an amendment
 * keeps its `recordedAt`, a forecast its `madeAt`. A forecast dated by day (`YYYY-MM-DD`) is read
 * as made at 00:00 UTC that day.
 *
 * @param amendments - the question's amendments, each with its `recordedAt`
 * @param madeAt - when the forecast was made
 * @returns 0, 1, 2, …
 * @internal
 */
export function revisionAt(amendments: readonly QuestionAmendment[], madeAt: string): number {
  const made = instantOf(madeAt);
  return amendments.filter((a) => a.recordedAt !== undefined && instantOf(a.recordedAt) <= made).length;
}
