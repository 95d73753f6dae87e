/**
 * The arguments of the question-life methods (`clarifyQuestion`, `amendQuestion`, `addComment`,
 * `withdrawForecast`), and how their events are sorted out for `getQuestion`.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import type { ForecastWithdrawal, QuestionAmendment, QuestionClarification, QuestionComment, QuestionUpdate } from '../model/question-update.js';

// The texts are checked (trimmed, not empty) by the record schemas; here only their type and the keys.
const TextArg = (what: string) => z.string({ error: `expected the ${what} as text` });

/** The input of `ledger.clarifyQuestion`. @internal */
export const ClarifyArg = z.strictObject({ text: TextArg('text') });

/** The input of `ledger.addComment`. @internal */
export const CommentArg = z.strictObject({ author: TextArg('author'), text: TextArg('text') });

/** The changes of `ledger.amendQuestion` (at least one is required by the record schema). @internal */
export const ChangesArg = z.strictObject({
  title: TextArg('title').optional(),
  statement: TextArg('statement').optional(),
  criteria: TextArg('criteria').optional(),
});

/** The options of `ledger.amendQuestion` and the input of `ledger.withdrawForecast`: the reason (a missing one is `reason_required`). @internal */
export const ReasonArg = z.strictObject({ reason: TextArg('reason').optional() });

/** A question's life events by kind, each list in recorded order. @internal */
export interface QuestionLife {
  clarifications: QuestionClarification[];
  amendments: QuestionAmendment[];
  comments: QuestionComment[];
  withdrawals: ForecastWithdrawal[];
}

/** Sorts a question's life events by kind. @internal */
export function splitUpdates(updates: readonly QuestionUpdate[]): QuestionLife {
  const life: QuestionLife = { clarifications: [], amendments: [], comments: [], withdrawals: [] };
  for (const u of updates) {
    if (u.type === 'question.clarified') life.clarifications.push(u.record);
    else if (u.type === 'question.amended') life.amendments.push(u.record);
    else if (u.type === 'comment.added') life.comments.push(u.record);
    else life.withdrawals.push(u.record);
  }
  return life;
}
