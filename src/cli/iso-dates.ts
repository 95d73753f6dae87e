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

const daysInMonth = (year: number, month0: number): number => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/**
 * Adds a span to an ISO date, in UTC calendar terms: months and years keep the day of the month,
 * clamped to the month's last day (2026-01-31 + 1m = 2026-02-28).
 *
 * @internal
 */
export function addSpan(isoDate: string, span: Span): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (span.unit === 'd' || span.unit === 'w') {
    return new Date(Date.UTC(y, m - 1, d + span.amount * (span.unit === 'w' ? 7 : 1))).toISOString().slice(0, 10);
  }
  const months = m - 1 + span.amount * (span.unit === 'y' ? 12 : 1);
  const year = y + Math.floor(months / 12);
  const month0 = months % 12;
  return new Date(Date.UTC(year, month0, Math.min(d, daysInMonth(year, month0)))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @internal */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in UTC, as `YYYY-MM-DD`. @internal */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
