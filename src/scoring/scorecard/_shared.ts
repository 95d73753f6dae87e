/**
 * Helpers shared by the scorecard and leaderboard builders.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import { instantOf } from '../../core/time-rules.js';
import { LedgerError } from '../../errors.js';
import { IsoDate } from '../../model/primitives.js';
import type { Forecaster } from '../../model/forecaster.js';
import { optionsSchema } from '../../_internal/validate-args.js';
import { SCORING_OPTION_SHAPE } from '../claims/scoring-options.js';
import { assertObject, guardInput, invalidInput } from '../_internal/validate.js';
import type { ScoringData } from '../load-scoring-data.js';
import { sum } from '../_internal/sum.js';
import { wilsonInterval } from '../wilson-interval.js';
import type { HitRate, LeaderboardOptions, ScorecardOptions } from './types.js';

/** The options of `buildScorecard` and `ledger.scorecard()`. @internal */
export const ScorecardOptionsArg = optionsSchema<ScorecardOptions>()({
  ...SCORING_OPTION_SHAPE,
  asOf: z.unknown().optional(),
  recordedBy: z.unknown().optional(),
  upcomingLimit: z.unknown().optional(),
  tag: z.string().optional(),
});

/** The options of `buildLeaderboard` and `ledger.leaderboard()`. @internal */
export const LeaderboardOptionsArg = optionsSchema<LeaderboardOptions>()({
  ...SCORING_OPTION_SHAPE,
  asOf: z.unknown().optional(),
  recordedBy: z.unknown().optional(),
  minResolved: z.unknown().optional(),
  tag: z.string().optional(),
});

/** What the builders take, in their messages. @internal */
export const SCORING_DATA = 'ScoringData { forecasters, questions, forecasts } from loadScoringData()';

/** Throws `validation_failed` unless `data` is an object with the three arrays of {@link ScoringData}. @internal */
export function assertScoringData(fn: string, data: unknown): asserts data is ScoringData {
  assertObject(fn, 'data', data, SCORING_DATA);
  guardInput(fn, 'data', SCORING_DATA, () => {
    for (const key of ['forecasters', 'questions', 'forecasts'] as const) {
      const value = (data as Record<string, unknown>)[key];
      if (!Array.isArray(value)) throw invalidInput(fn, `data.${key}`, 'to be an array', value);
    }
  });
}

/** Today's date in UTC, as `YYYY-MM-DD`. @internal */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `asOf` or today, checked to be an ISO date. @internal */
export function asOfDate(fn: string, asOf: string | undefined, field = 'options.asOf'): string {
  const value = asOf ?? todayUtc();
  // zod's calendar-aware date check (the model's IsoDate): Date.parse would take 2027-02-30 for 2 March.
  if (!IsoDate.safeParse(value).success) {
    throw invalidInput(fn, field, 'to be a real calendar date "YYYY-MM-DD"', value);
  }
  return value;
}

/**
 * Throws `validation_failed` when a pure builder is given `recordedBy`, which needs the event chain. @internal
 */
export function refuseRecordedBy(fn: string, recordedBy: unknown, method: string): void {
  if (recordedBy !== undefined) {
    throw invalidInput(fn, 'options.recordedBy', `to be left out: recording times live in the ledger's event chain; call ${method} instead`, recordedBy);
  }
}

/** Orders forecasts as time-weighting does: by time, then id. @internal */
export function byMadeAt(a: { madeAt: string; id?: string }, b: { madeAt: string; id?: string }): number {
  return instantOf(a.madeAt) - instantOf(b.madeAt) || ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0);
}

/** The arithmetic mean (of the exactly rounded sum), or undefined for no values. @internal */
export function meanOrUndefined(values: readonly number[]): number | undefined {
  return values.length ? sum(values) / values.length : undefined;
}

/** A hit rate with its Wilson 95 % interval, or undefined when nothing has a verdict. @internal */
export function hitRateOf(hits: number, misses: number, noCalls: number): HitRate | undefined {
  const n = hits + misses;
  if (n === 0) return undefined;
  const { lower, upper } = wilsonInterval(hits, n, { confidence: 0.95 });
  return { hits, misses, noCalls, n, rate: hits / n, lower, upper };
}

/** The forecaster with this id, or `forecaster_not_found`. @internal */
export function findForecaster(forecasters: readonly Forecaster[], id: string): Forecaster {
  const found = forecasters.find((f) => f.id === id);
  if (!found) {
    throw new LedgerError('forecaster_not_found', `forecaster "${id}" not found: list forecasters with listForecasters()`, { details: { forecasterId: id } });
  }
  return found;
}

/** Checks a non-negative integer option. @internal */
export function integerOption(fn: string, field: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw invalidInput(fn, field, `to be an integer ≥ ${min}`, value);
  return value;
}
