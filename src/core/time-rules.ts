/**
 * The ledger's time rules, in one place: what "made before the question closed" and "made after the
 * outcome" mean. The write checks (`checkChange`), the scorecard, the leaderboard and
 * `scorePrediction` all call these functions, so a forecast the ledger accepts is a forecast scoring
 * counts, and the other way round.
 *
 * @remarks
 * Every comparison is between **instants in UTC**, never between local calendar dates:
 *
 * - a `madeAt` that is a bare date (`2026-12-31`) is 00:00 UTC that day; one with an offset
 *   (`2026-12-31T23:00:00-05:00`) is the instant it names (here 2027-01-01T04:00Z);
 * - a question's due date `resolveOn` and a resolution's `resolvedOn` are whole UTC days: a day
 *   ends at 00:00 UTC of the next day;
 * - a question **closes** at the end of min(`resolveOn`, `resolvedOn`): a forecast counts when its
 *   instant is strictly before the close (a forecast at exactly 00:00 UTC the next day does not);
 * - a forecast is **made after the outcome** when its instant is at or after the end of the
 *   resolution's `resolvedOn` day. A resolution date has day precision, so a forecast made during
 *   the day the outcome became known counts as made before it.
 *
 * @internal
 * @module
 */

/** Milliseconds in a day. @internal */
export const DAY_MS = 86_400_000;

/**
 * The instant an ISO date or date-time names, in ms since the epoch; a bare date is 00:00 UTC.
 *
 * @remarks
 * The model only admits dates and instants with an explicit offset (`Z` or `±hh:mm`), which
 * `Date.parse` reads exactly; a string it cannot read gives `NaN`.
 *
 * @param isoDateOrDateTime - `YYYY-MM-DD` or an ISO-8601 instant with an offset
 * @returns ms since 1970-01-01T00:00Z, or `NaN`
 * @internal
 */
export function instantOf(isoDateOrDateTime: string): number {
  return Date.parse(isoDateOrDateTime);
}

/**
 * The end of a UTC day: 00:00 UTC of the next day, in ms since the epoch.
 *
 * @param isoDate - `YYYY-MM-DD`
 * @returns ms since the epoch
 * @internal
 */
export function endOfUtcDay(isoDate: string): number {
  return Date.parse(isoDate) + DAY_MS;
}

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. @internal */
export function utcDay(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * When a question stops taking forecasts: the day it closes and the instant that day ends.
 *
 * @internal
 */
export interface QuestionClose {
  /** min(resolveOn, resolvedOn), `YYYY-MM-DD`. */
  readonly day: string;
  /** The end of `day` (00:00 UTC the next day), in ms since the epoch. */
  readonly at: number;
}

/**
 * When a question closes: the end (24:00 UTC) of the earlier of its due date and the day its
 * current resolution was dated.
 *
 * @param resolveOn - the question's due date
 * @param resolvedOn - the current resolution's date, when it has one
 * @returns the close day and instant
 * @internal
 */
export function questionClose(resolveOn: string, resolvedOn?: string): QuestionClose {
  const day = resolvedOn !== undefined && resolvedOn < resolveOn ? resolvedOn : resolveOn;
  return { day, at: endOfUtcDay(day) };
}

/**
 * Whether a forecast made at `madeAt` was made before the close: its instant is strictly before
 * `close.at`.
 *
 * @remarks
 * A bare date is compared with the close day as text (`madeAt ≤ close.day`), which is the same
 * test without parsing: 00:00 UTC of `madeAt` is before the end of `close.day` exactly when
 * `madeAt` is not a later day. A `madeAt` that cannot be read is not before the close.
 *
 * @param madeAt - the forecast's `madeAt`
 * @param close - from {@link questionClose}
 * @returns whether the forecast counts
 * @internal
 */
export function madeBeforeClose(madeAt: string, close: QuestionClose): boolean {
  return madeAt.length === 10 ? madeAt <= close.day : instantOf(madeAt) < close.at;
}

/**
 * Whether a forecast was made after the outcome its question's resolution records: at or after
 * the end of the `resolvedOn` day.
 *
 * @param madeAt - the forecast's `madeAt`
 * @param resolvedOn - the resolution's date
 * @returns whether the forecast came after the outcome
 * @internal
 */
export function madeAfterOutcome(madeAt: string, resolvedOn: string): boolean {
  return !madeBeforeClose(madeAt, questionClose(resolvedOn));
}
