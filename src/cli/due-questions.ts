import type { Ledger } from '../ledger.js';
import type { QuestionKind } from '../model/question.js';
import { addSpan, daysBetween, type Span } from './iso-dates.js';

/** An open question coming due. @internal */
export interface DueQuestion {
  id: string;
  title: string;
  kind: QuestionKind;
  resolveOn: string;
  /** Days from the reference date to `resolveOn`. */
  daysLeft: number;
  /** Who forecast it, in recorded order, without repeats. */
  forecasters: string[];
}

/** What comes due: the next open questions and how many are overdue. @internal */
export interface DueReport {
  /** The reference date (today unless `--as-of`). */
  asOf: string;
  /** Open questions already past their date: they need resolving. */
  overdue: number;
  /** The next open questions, soonest first. */
  questions: DueQuestion[];
}

/** Options for {@link dueQuestions}. @internal */
export interface DueQuestionsOptions {
  asOf: string;
  limit: number;
  /** Only questions due on or before `asOf + within`. */
  within?: Span;
}

/**
 * The open questions due from `asOf` on, soonest first, and the number of overdue ones.
 *
 * @internal
 */
export async function dueQuestions(ledger: Ledger, options: DueQuestionsOptions): Promise<DueReport> {
  const until = options.within ? addSpan(addSpan(options.asOf, options.within), { amount: 1, unit: 'd' }) : undefined;
  const [upcoming, overdue, forecasts] = await Promise.all([
    ledger.listQuestions({ status: 'open', dueAfter: options.asOf, ...(until ? { dueBefore: until } : {}) }),
    ledger.listQuestions({ status: 'open', dueBefore: options.asOf }),
    ledger.listForecasts(),
  ]);
  const byQuestion = new Map<string, Set<string>>();
  for (const f of forecasts) byQuestion.set(f.questionId, (byQuestion.get(f.questionId) ?? new Set()).add(f.forecasterId));
  return {
    asOf: options.asOf,
    overdue: overdue.length,
    questions: upcoming.slice(0, options.limit).map(({ question: q }) => ({
      id: q.id,
      title: q.title,
      kind: q.kind,
      resolveOn: q.resolution.resolveOn,
      daysLeft: daysBetween(options.asOf, q.resolution.resolveOn),
      forecasters: [...(byQuestion.get(q.id) ?? [])],
    })),
  };
}
