import { resolveHorizon } from '../dates/resolve-horizon.js';

/** A span of time as written on the command line: `90d`, `12w`, `6m`, `2y`. @internal */
export interface Span {
  amount: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

const SPAN = /^(\d{1,5})([dwmy])$/;

/** Parses `90d`, `12w`, `6m` or `2y`; undefined when malformed. @internal */
export function parseSpan(text: string): Span | undefined {
  const m = SPAN.exec(text.trim().toLowerCase());
  return m ? { amount: Number(m[1]), unit: m[2] as Span['unit'] } : undefined;
}

/**
 * The exclusive upper bound of "due within `span` of `from`": the day after `from` + `span`, so a
 * question due exactly on `from` + `span` is included. Calendar arithmetic is the library's own
 * (`resolveHorizon`, date-fns): months and years keep the day of the month, clamped to the month's
 * last day (2026-01-31 + 1m = 2026-02-28).
 *
 * @internal
 */
export function dueWithinBound(from: string, span: Span): string {
  return resolveHorizon(resolveHorizon(from, `+${span.amount}${span.unit}`), '+1d');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @internal */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in UTC, as `YYYY-MM-DD`. @internal */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
