// Per-function imports: loading the date-fns index costs ~0.1 s of start-up (it pulls in every function).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { guardInput, invalidInput } from './_internal/validate.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` string or a Date into the local-midnight Date of that calendar date. */
function toCalendarDate(field: string, value: unknown): Date {
  let y: number;
  let m: number;
  let d: number;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // A Date is an instant; its calendar date is read in UTC, as the ledger reads bare dates.
    [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
  } else {
    const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
    if (!match) throw invalidInput('dateErrorDays', field, 'to be an ISO date "YYYY-MM-DD" or a valid Date', value);
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, m - 1, d); // setFullYear keeps years 0–99 literal, unlike the Date constructor
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
    throw invalidInput('dateErrorDays', field, 'to be a real calendar date', value);
  }
  return date;
}

/**
 * The error of a date estimate in whole days: positive when the event came later than estimated.
 *
 * @remarks
 * error = actual − estimate in calendar days (date-fns `differenceInCalendarDays` on the two
 * calendar dates). **Closer to 0 is better**; take `Math.abs` for a loss. Positive means the event
 * happened *later* than estimated (the estimate was too early, e.g. a launch that slipped); negative
 * means it happened earlier.
 *
 * Both arguments are reduced to calendar dates before subtracting, so the machine's time zone and
 * daylight-saving changes cannot shift the result: strings must be bare ISO dates `YYYY-MM-DD`
 * (a date-time string is rejected — its calendar date depends on the zone; slice it to 10 characters
 * if you mean its date as written); a `Date` contributes its UTC calendar date, consistent with the
 * ledger reading a bare date as 00:00 UTC.
 *
 * Valid input: `YYYY-MM-DD` strings naming real calendar dates, or valid Dates.
 *
 * @param estimate - the estimated date
 * @param actual - the date the event happened
 * @returns actual − estimate in whole days; positive when the event came later than estimated
 * @throws LedgerError `validation_failed` when an argument is not a `YYYY-MM-DD` string of a real
 *   date or a valid Date
 *
 * @example
 * ```ts
 * dateErrorDays('2025-03-01', '2025-03-15'); //=> 14
 * dateErrorDays('2025-03-15', '2025-03-01'); //=> -14
 * dateErrorDays('2024-02-28', '2024-03-01'); //=> 2
 * ```
 */
export function dateErrorDays(estimate: string | Date, actual: string | Date): number {
  // `instanceof Date` asks for the prototype, which a Proxy can refuse by throwing.
  return guardInput('dateErrorDays', 'estimate and actual', 'ISO dates or valid Dates', () =>
    differenceInCalendarDays(toCalendarDate('actual', actual), toCalendarDate('estimate', estimate)),
  );
}
