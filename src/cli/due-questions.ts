import type { Ledger } from '../ledger.js';
import type { QuestionKind } from '../model/question.js';
import { daysBetween, dueWithinBound, type Span } from './iso-dates.js';

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
  const until = options.within ? dueWithinBound(options.asOf, options.within) : undefined;
  const [upcoming, overdue] = await Promise.all([
    ledger.listQuestions({ status: 'open', dueAfter: options.asOf, ...(until ? { dueBefore: until } : {}) }),
    ledger.listQuestions({ status: 'open', dueBefore: options.asOf }),
  ]);
  // Forecasters of the shown questions only (an indexed lookup each), not every forecast in the ledger.
  const shown = upcoming.slice(0, options.limit);
  const forecasts = await Promise.all(shown.map(({ question: q }) => ledger.listForecasts({ questionId: q.id })));
  return {
    asOf: options.asOf,
    overdue: overdue.length,
    questions: shown.map(({ question: q }, i) => ({
      id: q.id,
      title: q.title,
      kind: q.kind,
      resolveOn: q.resolution.resolveOn,
      daysLeft: daysBetween(options.asOf, q.resolution.resolveOn),
      forecasters: [...new Set(forecasts[i]!.map((f) => f.forecasterId))],
    })),
  };
}
