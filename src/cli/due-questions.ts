import type { Ledger } from '../ledger.js';
import type { Question, QuestionKind, ResolutionSpec } from '../model/question.js';
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
  /** How many more open questions come due (within the span) than `questions` shows. */
  more: number;
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
    questions: shown.map(({ question: q }, i) => dueEntry(q, options.asOf, forecasts[i]!)),
    more: upcoming.length - shown.length,
  };
}

/** One question as a line of the due list: its days left from `asOf` and its forecasters, in recorded order. */
function dueEntry(q: Question, asOf: string, forecasts: readonly { forecasterId: string }[]): DueQuestion {
  return {
    id: q.id,
    title: q.title,
    kind: q.kind,
    resolveOn: q.resolution.resolveOn,
    daysLeft: daysBetween(asOf, q.resolution.resolveOn),
    forecasters: [...new Set(forecasts.map((f) => f.forecasterId))],
  };
}

/** An open question past its date, with what would resolve it. @internal */
export interface OverdueQuestion extends DueQuestion {
  /** What settles it: the question's criteria, and its `data` or `judge` when it names them. */
  resolution: Pick<ResolutionSpec, 'criteria' | 'data' | 'judge'>;
}

/** The open questions past their date (`due --overdue`). @internal */
export interface OverdueReport {
  /** The reference date (today unless `--as-of`). */
  asOf: string;
  /** How many open questions are past their date. */
  overdue: number;
  /** Those questions, longest overdue first (at most `limit`). */
  questions: OverdueQuestion[];
}

/**
 * The open questions due before `asOf`, longest overdue first, each with what would resolve it.
 * Nothing is resolved: a judge records outcomes with `resolve` once the evidence is in.
 *
 * @internal
 */
export async function overdueQuestions(ledger: Ledger, options: { asOf: string; limit?: number }): Promise<OverdueReport> {
  const overdue = await ledger.listQuestions({ status: 'open', dueBefore: options.asOf });
  const shown = options.limit === undefined ? overdue : overdue.slice(0, options.limit);
  const forecasts = await Promise.all(shown.map(({ question: q }) => ledger.listForecasts({ questionId: q.id })));
  return {
    asOf: options.asOf,
    overdue: overdue.length,
    questions: shown.map(({ question: q }, i) => {
      const { criteria, data, judge } = q.resolution;
      return { ...dueEntry(q, options.asOf, forecasts[i]!), resolution: { criteria, ...(data ? { data } : {}), ...(judge ? { judge } : {}) } };
    }),
  };
}

/** What would resolve a question, in one line: the data (publisher: series, deciding value), else the judge and rule, else the criteria. @internal */
export function resolvedBy(resolution: OverdueQuestion['resolution']): string {
  const { data, judge, criteria } = resolution;
  if (data) return `${data.publisher}: ${data.series}${data.threshold ? ` (${data.threshold})` : ''}${judge ? `; judge: ${judge.rule}` : ''}`;
  if (judge) return `judge (${judge.who}): ${judge.rule}`;
  return criteria;
}
