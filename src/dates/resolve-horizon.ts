// Per-function imports: loading the date-fns index costs ~0.1 s of start-up (it pulls in every function).
import { add } from 'date-fns/add';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { LedgerError } from '../errors.js';
import { IsoDateOrDateTime } from '../model/primitives.js';
import { parseArg } from '../_internal/validate-args.js';

/**
 * Computes the concrete due date of a vague horizon from the date a claim was made.
 *
 * @remarks
 * A horizon rule is a short machine-readable string, stored in a question's
 * `resolution.horizonRule` beside the wording it came from. The forms are:
 *
 * | rule | meaning | example (made 2025-10-08) |
 * |---|---|---|
 * | `+5y`, `+18m`, `+6w`, `+90d` | the date made plus a duration (date-fns `add`; 29 Feb clamps to 28 Feb) | `+5y` → `2030-10-08` |
 * | `end-of-year:2030` | 31 December of that year | → `2030-12-31` |
 * | `end-of-year:+1` | 31 December of the year made plus N (`+0`: this year; "next year" is `+1`) | → `2026-12-31` |
 * | `end-of-quarter:2026Q1` | the last day of that quarter | → `2026-03-31` |
 * | `end-of-month:2026-06` | the last day of that month | → `2026-06-30` |
 * | `date:2027-12-31` | a date stated outright | → `2027-12-31` |
 *
 * Calendar arithmetic is done on the calendar date alone (the time of day of `madeAt` is dropped),
 * so results never depend on the machine's time zone.
 *
 * @param madeAt - the date (or instant) the claim was made, ISO-8601
 * @param rule - a horizon rule as above
 * @returns the due date as `YYYY-MM-DD`
 * @throws LedgerError `validation_failed` when `madeAt` is not an ISO date or instant, the rule is not
 *   one of the forms above, or the due date would fall after 9999-12-31
 *
 * @example
 * ```ts
 * resolveHorizon('2025-10-08', '+5y'); //=> '2030-10-08'
 * resolveHorizon('2025-10-18', '+10y'); //=> '2035-10-18'
 * resolveHorizon('2025-11-20', 'end-of-year:+1'); //=> '2026-12-31'
 * ```
 */
export function resolveHorizon(madeAt: string, rule: string): string {
  madeAt = parseArg('resolveHorizon', 'madeAt', IsoDateOrDateTime, madeAt);
  rule = parseArg('resolveHorizon', 'rule', z.string({ error: 'expected a horizon rule as a string, e.g. "+5y"' }), rule);
  const due = dueDate(madeAt, rule);
  // Four-digit years only: ISO dates past 9999 need a sign and six digits, which no date field accepts.
  if (due > LAST_DATE || due.length !== 10) {
    throw new LedgerError(
      'validation_failed',
      `horizon: "${rule}" from ${madeAt} gives a date after ${LAST_DATE}: expected a due date with a four-digit year`,
      {
        details: { madeAt, rule },
      },
    );
  }
  return due;
}

/** The latest due date a horizon may give: the last day with a four-digit year. */
const LAST_DATE = '9999-12-31';

function dueDate(madeAt: string, rule: string): string {
  const made = parseISO(madeAt.slice(0, 10));
  // A date past the range of Date (`+999999999y`) is invalid; it is reported as past the last date.
  const iso = (d: Date): string => (Number.isNaN(d.getTime()) ? '+invalid' : format(d, 'yyyy-MM-dd'));
  let m: RegExpExecArray | null;
  if ((m = /^\+(\d+)([ymwd])$/.exec(rule))) {
    const n = Number(m[1]);
    const unit = ({ y: 'years', m: 'months', w: 'weeks', d: 'days' } as const)[m[2] as 'y' | 'm' | 'w' | 'd'];
    return iso(add(made, { [unit]: n }));
  }
  if ((m = /^end-of-year:(\d{4})$/.exec(rule))) return `${m[1]}-12-31`;
  if ((m = /^end-of-year:\+(\d+)$/.exec(rule))) return iso(endOfYear(add(made, { years: Number(m[1]) })));
  if ((m = /^end-of-quarter:(\d{4})Q([1-4])$/.exec(rule))) {
    return iso(endOfQuarter(new Date(Number(m[1]), (Number(m[2]) - 1) * 3, 1)));
  }
  if ((m = /^end-of-month:(\d{4})-(\d{2})$/.exec(rule)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return iso(endOfMonth(new Date(Number(m[1]), Number(m[2]) - 1, 1)));
  }
  if ((m = /^date:(\d{4}-\d{2}-\d{2})$/.exec(rule)) && iso(parseISO(m[1]!)) === m[1]) return m[1]!;
  throw new LedgerError(
    'validation_failed',
    `horizon rule: expected one of "+5y", "+18m", "+6w", "+90d", "end-of-year:2030", "end-of-year:+1", "end-of-quarter:2026Q1", "end-of-month:2026-06", "date:2027-12-31"; received "${rule}"`,
    { details: { rule } },
  );
}
