/**
 * The due dates of questions as calendar events: what `forecast-ledger export --format ics` and the
 * site's `ledger.ics` download both write.
 *
 * @internal
 * @module
 */
import type { IcsEvent } from './render-ics.js';
import type { StoredForecast } from '../model/forecast.js';
import type { QuestionRecord } from '../storage/types.js';
import { formatEstimate } from './values.js';

/** Forecasts by question id, each list in recorded order: one pass instead of a scan per question. @internal */
export function groupByQuestion(forecasts: readonly StoredForecast[]): Map<string, StoredForecast[]> {
  const byQuestion = new Map<string, StoredForecast[]>();
  for (const f of forecasts) {
    const own = byQuestion.get(f.questionId);
    if (own) own.push(f);
    else byQuestion.set(f.questionId, [f]);
  }
  return byQuestion;
}

/**
 * One all-day event per question on its due date: the statement, criteria, horizon, status, every
 * forecast and (for an open question) the command that resolves it; an alarm on open questions.
 *
 * @internal
 */
export function questionCalendarEvents(questions: readonly QuestionRecord[], forecasts: readonly StoredForecast[]): IcsEvent[] {
  const byQuestion = groupByQuestion(forecasts);
  return questions.map(({ question: q, status }) => {
    const own = byQuestion.get(q.id) ?? [];
    const unit = q.kind === 'numeric' ? q.spec.unit : undefined;
    const description = [
      q.statement,
      '',
      `Resolution criteria: ${q.resolution.criteria}`,
      `Horizon: ${q.resolution.horizon} (${q.resolution.semantics} ${q.resolution.resolveOn})`,
      `Status: ${status}`,
      ...(own.length ? ['', 'Forecasts:', ...own.map((f) => `- ${f.forecasterId} (${f.madeAt}): ${formatEstimate(f.estimate, unit, f.confidence)}`)] : []),
      ...(status === 'open' ? ['', `Resolve with: forecast-ledger resolve ${q.id} --outcome <value> --resolved-on <date> --evidence <text>`] : []),
    ].join('\n');
    return {
      uid: `${q.id}@forecast-ledger`,
      date: q.resolution.resolveOn,
      summary: `${status === 'open' ? 'Due' : status[0]!.toUpperCase() + status.slice(1)}: ${q.title}`,
      description,
      categories: q.tags,
      alarm: status === 'open',
    };
  });
}
