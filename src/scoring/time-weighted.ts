import { instantOf } from '../core/time-rules.js';
import { sum } from './_internal/sum.js';
import { isArray } from '../_internal/arrays.js';
import { guardInput, invalidInput } from './_internal/validate.js';

/** Anything made at a time: a forecast, as far as time-weighting is concerned. */
export interface TimedForecast {
  /** When it was made: an ISO date (read as 00:00 UTC), an ISO instant with offset, or a Date. */
  readonly madeAt: string | Date;
  /** Breaks ties between forecasts made at the same instant (the larger id stands); the ledger always sets it. */
  readonly id?: string;
  /**
   * When the forecast was withdrawn, if it was: it stops standing then (an ISO date read as 00:00
   * UTC, an ISO instant, or a Date). A forecast withdrawn at or before its `madeAt` never stood.
   */
  readonly withdrawnAt?: string | Date;
}

/** How long one forecast stood, and its share of the forecaster's open period. */
export interface StandingWeight<F> {
  /** The forecast. */
  readonly forecast: F;
  /** When it started standing, in ms since the epoch. */
  readonly from: number;
  /** When it stopped standing (the next forecast, its withdrawal or the close, whichever came first), in ms since the epoch. */
  readonly to: number;
  /** (to − from) / the time some forecast of the forecaster stood; the weights sum to 1. */
  readonly weight: number;
}

function instant(fn: string, field: string, value: unknown): number {
  const t = value instanceof Date ? value.getTime() : typeof value === 'string' ? instantOf(value) : Number.NaN;
  if (Number.isNaN(t)) throw invalidInput(fn, field, 'to be an ISO date, an ISO instant or a valid Date', value);
  return t;
}

/**
 * How long each of one forecaster's forecasts on one question stood before the close, as weights.
 *
 * @remarks
 * The forecasts are put in time order (ties: by `id`, then input order; the later one stands). Each
 * stands from its `madeAt` until the same forecaster's next forecast, the last one until `closeAt`;
 * a withdrawn forecast stops earlier, at its `withdrawnAt`, and then nothing of the forecaster stands
 * until their next forecast (an earlier forecast does not stand again). The weights are shares of the
 * time some forecast stood (the covered period), so
 *
 *   weightᵢ = (endᵢ − tᵢ) / Σⱼ (endⱼ − tⱼ),  endᵢ = min(tᵢ₊₁, withdrawnᵢ, close),  Σ weightᵢ = 1;
 *
 * without withdrawals the covered period is the open period, from the forecaster's **first** forecast
 * to the close: weightᵢ = (tᵢ₊₁ − tᵢ) / (close − t₁). A withdrawal thus stops a forecast counting from
 * that moment while the time before it still counts, as Metaculus scores a withdrawn prediction.
 *
 * Forecasts made at or after `closeAt` are left out (they could not inform a forecast of what was
 * already settled), and so are forecasts withdrawn at or before they were made (they never stood),
 * so the covered period is never empty. Metaculus instead averages over the
 * question's whole life and scores the time before a first forecast as 0 (its "coverage"); the
 * ledger reports that coverage beside the score rather than folding it in, because a loss such as
 * the Brier score has no neutral 0. See docs/scoring.md.
 *
 * @param forecasts - one forecaster's forecasts on one question, in any order
 * @param closeAt - when the question closed: min(resolveOn, resolvedOn), as an instant
 * @returns one entry per forecast made before the close, in time order
 * @throws LedgerError `validation_failed` when a time is not a valid date or no forecast stood
 *   before `closeAt`
 *
 * @example
 * ```ts
 * const ws = standingWeights([{ madeAt: '2025-01-01', id: 'a' }, { madeAt: '2025-01-04', id: 'b' }], '2025-01-05');
 * ws.map((w) => w.weight); //=> [0.75, 0.25]
 * // 'a' withdrawn on Jan 2: it stood 1 day, 'b' 1 day; Jan 2–4 nothing stood
 * const wd = standingWeights([{ madeAt: '2025-01-01', id: 'a', withdrawnAt: '2025-01-02' }, { madeAt: '2025-01-04', id: 'b' }], '2025-01-05');
 * wd.map((w) => w.weight); //=> [0.5, 0.5]
 * ```
 *
 * @see Metaculus, Scores FAQ, "Do all my predictions on a question count toward my score?"
 *   https://www.metaculus.com/help/scores-faq/#time-averaging
 */
export function standingWeights<F extends TimedForecast>(forecasts: readonly F[], closeAt: string | Date): StandingWeight<F>[] {
  return guardInput('standingWeights', 'forecasts', 'an array of { madeAt, id? }', () => standingWeightsUnchecked(forecasts, closeAt));
}

function standingWeightsUnchecked<F extends TimedForecast>(forecasts: readonly F[], closeAt: string | Date): StandingWeight<F>[] {
  const fn = 'standingWeights';
  const close = instant(fn, 'closeAt', closeAt);
  if (!isArray(forecasts)) throw invalidInput(fn, 'forecasts', 'to be an array', forecasts);
  const timed = forecasts
    .map((forecast, index) => ({ forecast, index, t: instant(fn, `forecasts[${index}].madeAt`, forecast?.madeAt), w: withdrawnAt(fn, index, forecast) }))
    .filter((f) => f.t < close && f.t < f.w) // made before the close (the rule of src/core/time-rules.ts, on instants) and standing
    .sort((a, b) => a.t - b.t || compareIds(a.forecast.id, b.forecast.id) || a.index - b.index);
  if (timed.length === 0) {
    throw invalidInput(
      fn,
      'forecasts',
      `to hold at least one forecast made before the close (${new Date(close).toISOString()}) and not withdrawn when made`,
      forecasts,
    );
  }
  const ends = timed.map(({ w }, i) => Math.min(i + 1 < timed.length ? timed[i + 1]!.t : close, w, close));
  // Without a withdrawal the stretches join up: the covered period is close − first, as one subtraction.
  const covered = timed.every(({ w }) => w >= close) ? close - timed[0]!.t : sum(timed.map(({ t }, i) => Math.max(0, ends[i]! - t)));
  return timed.map(({ forecast, t }, i) => {
    const to = Math.max(t, ends[i]!);
    return { forecast, from: t, to, weight: (to - t) / covered };
  });
}

/** A forecast's withdrawal instant, or +∞ when it stands. */
function withdrawnAt(fn: string, index: number, forecast: TimedForecast | undefined): number {
  const w = forecast?.withdrawnAt;
  return w === undefined ? Infinity : instant(fn, `forecasts[${index}].withdrawnAt`, w);
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/**
 * The time-weighted average score of one forecaster's standing forecasts on one question.
 *
 * @remarks
 * score = Σᵢ weightᵢ · scoreFn(forecastᵢ), with the weights of {@link standingWeights}: each
 * forecast counts for the share of the forecaster's open period (first forecast → close) in which it
 * was standing. This is Metaculus's time-averaging, restricted to the period the forecaster covered:
 * updating early is rewarded for as long as the update stands, and a last-minute change counts for
 * little. The direction is that of `scoreFn` (for a Brier score or log loss, lower is better). With
 * a single forecast the result is exactly `scoreFn(forecast)`; the input order does not matter.
 * Forecasts with weight 0 (superseded at the same instant) are not scored.
 *
 * @param forecasts - one forecaster's forecasts on one question, in any order
 * @param closeAt - when the question closed: min(resolveOn, resolvedOn), as an instant
 * @param scoreFn - the score of one forecast (e.g. its Brier score against the outcome)
 * @returns the time-weighted score
 * @throws LedgerError `validation_failed` when a time is invalid, no forecast was made before
 *   `closeAt`, or `scoreFn` returns a value that is not a number or throws (a `LedgerError` it
 *   throws is passed on as it is; anything else is the `cause`)
 *
 * @example
 * ```ts
 * // 0.5 from Jan 1 to Jan 4 (3 days), 1 from Jan 4 to the close on Jan 5 (1 day); it happened:
 * // ¾ × 0.25 + ¼ × 0
 * const fs = [{ madeAt: '2025-01-01', id: 'a', p: 0.5 }, { madeAt: '2025-01-04', id: 'b', p: 1 }];
 * timeWeightedScore(fs, '2025-01-05', (f) => brierScore(f.p, true)); //=> 0.1875
 * ```
 *
 * @see Metaculus, Scores FAQ, "Do all my predictions on a question count toward my score?"
 *   https://www.metaculus.com/help/scores-faq/#time-averaging
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *   Weather Review 78(1):1–3.
 */
export function timeWeightedScore<F extends TimedForecast>(forecasts: readonly F[], closeAt: string | Date, scoreFn: (forecast: F) => number): number {
  if (typeof scoreFn !== 'function') throw invalidInput('timeWeightedScore', 'scoreFn', 'to be a function scoring one forecast', scoreFn);
  const weights = standingWeights(forecasts, closeAt);
  if (weights.length === 1) return checkedScore(scoreFn, weights[0]!.forecast, 0);
  return sum(weights.map((w, i) => (w.weight === 0 ? 0 : w.weight * checkedScore(scoreFn, w.forecast, i))));
}

/** `scoreFn(forecast)`, refused unless it is a number; anything it throws that is not a `LedgerError` becomes `validation_failed`. */
function checkedScore<F>(scoreFn: (forecast: F) => number, forecast: F, i: number): number {
  const score = guardInput('timeWeightedScore', 'scoreFn', 'a function scoring one forecast', () => scoreFn(forecast));
  if (typeof score !== 'number' || Number.isNaN(score)) throw invalidInput('timeWeightedScore', `scoreFn(forecasts[${i}])`, 'to return a number', score);
  return score;
}
