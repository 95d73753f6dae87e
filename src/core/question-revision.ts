import type { Question } from '../model/question.js';
import type { QuestionAmendment } from '../model/question-update.js';
import { instantOf } from './time-rules.js';

/**
 * The question as its amendments left it: each amendment's `changes` applied in recorded order to
 * the question as first added (title, statement, `resolution.criteria`, `resolution.resolveOn`).
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
      ...(changes.criteria === undefined && changes.resolveOn === undefined
        ? {}
        : {
            resolution: {
              ...current.resolution,
              ...(changes.criteria === undefined ? {} : { criteria: changes.criteria }),
              ...(changes.resolveOn === undefined ? {} : { resolveOn: changes.resolveOn }),
            },
          }),
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

/**
 * Each question's amendments, in recorded order, from a list of question-life events (clarifications,
 * comments and withdrawals are skipped).
 *
 * @param updates - question-life events in recorded order (as `listUpdates()` gives them)
 * @returns the amendments by question id
 * @internal
 */
export function amendmentsByQuestion(updates: readonly { type: string; record: unknown }[]): Map<string, QuestionAmendment[]> {
  const by = new Map<string, QuestionAmendment[]>();
  for (const u of updates) {
    if (u.type !== 'question.amended') continue;
    const amendment = u.record as QuestionAmendment;
    const list = by.get(amendment.questionId);
    if (list) list.push(amendment);
    else by.set(amendment.questionId, [amendment]);
  }
  return by;
}

/**
 * The records with each question as its amendments left it (its current revision): what every list,
 * table and page shows. A record without amendments is returned as it is.
 *
 * @param records - question records as stored (each question as first added)
 * @param amendments - amendments by question id, each list in recorded order
 * @returns the records, in the same order
 * @internal
 */
export function currentRecords<R extends { question: Question }>(records: readonly R[], amendments: ReadonlyMap<string, readonly QuestionAmendment[]>): R[] {
  return records.map((r) => {
    const list = amendments.get(r.question.id);
    return list?.length ? { ...r, question: amendedQuestion(r.question, list) } : r;
  });
}

/**
 * What an amendment changed, in the order a question reads: `title`, `statement`, `criteria`, `resolveOn`.
 *
 * @internal
 */
export function changedFields(changes: QuestionAmendment['changes']): string[] {
  return (['title', 'statement', 'criteria', 'resolveOn'] as const).filter((k) => changes[k] !== undefined);
}
