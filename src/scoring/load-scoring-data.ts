import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { QuestionAmendment, QuestionUpdate } from '../model/question-update.js';
import type { QuestionRecord, StoredResolution } from '../model/question-record.js';
import type { ForecastFilter, QuestionFilter } from '../storage/types.js';
import { guardInput, invalidInput, readOptions } from './_internal/validate.js';

/**
 * A forecast as scoring reads it: the stored forecast and, when it was withdrawn, when.
 *
 * @remarks
 * A withdrawn forecast stands from its `madeAt` until the earliest of the same forecaster's next
 * forecast, its `withdrawnAt` and the question's close; after a withdrawal the forecaster has no
 * forecast standing until they make a new one (an earlier forecast does not stand again). The time
 * before the withdrawal still counts, as on Metaculus. See `docs/scoring.md`, "Withdrawn forecasts".
 */
export type ScoringForecast = StoredForecast & {
  /** When the forecast was withdrawn (the withdrawal's `recordedAt`); absent for a forecast that stands. */
  readonly withdrawnAt?: string;
};

/**
 * Everything scoring reads, as plain arrays: the input of `buildScorecard` (forecast-ledger/scoring) and
 * `buildLeaderboard` (forecast-ledger/scoring).
 *
 * @remarks
 * `questions` carry their status and current resolution (after any correction); `forecasts` may be
 * in any order. Nothing else is needed, so the math never touches storage.
 */
export interface ScoringData {
  /** Every forecaster. */
  readonly forecasters: readonly Forecaster[];
  /** Every question, with its status and current resolution. */
  readonly questions: readonly QuestionRecord[];
  /** Every forecast, in any order; a withdrawn one carries its `withdrawnAt`. */
  readonly forecasts: readonly ScoringForecast[];
  /**
   * Earlier resolutions of the questions whose current resolution is a correction, superseded ones
   * included, in any order. Optional: point-in-time scoring (`asOf` before a correction was recorded)
   * restores the resolution that stood from them; without them such a question counts as open then.
   */
  readonly resolutions?: readonly StoredResolution[];
  /**
   * The questions' amendments, each with its `recordedAt`, in recorded order. Optional: the builders
   * show each question as the amendments recorded by the end of `asOf` left it (its title, statement
   * and criteria); without them each question is shown as given in `questions`.
   */
  readonly amendments?: readonly QuestionAmendment[];
}

/** What {@link loadScoringData} reads from: a `Ledger` or any `LedgerStore`. */
export interface ScoringDataSource {
  /** Every forecaster. */
  listForecasters(): Promise<Forecaster[]>;
  /** Questions with their current state (the loader asks for `order: 'recorded'`). */
  listQuestions(filter?: QuestionFilter): Promise<QuestionRecord[]>;
  /**
   * Forecasts matching the filter, in recorded order (the loader asks for all, by question, or by `questionStatus`).
   * Without `listUpdates` the loader asks for `withdrawn: false` (it cannot tell when a forecast was withdrawn).
   */
  listForecasts(filter?: ForecastFilter): Promise<StoredForecast[]>;
  /**
   * Question-life events in recorded order, each with its `recordedAt` (read for the withdrawals and
   * amendments, when present).
   */
  listUpdates?(filter?: { questionId?: string }): Promise<QuestionUpdate[]>;
  /** Every resolution of a question, superseded ones included (read for corrected questions, when present). */
  listResolutions?(filter?: { questionId?: string }): Promise<StoredResolution[]>;
}

/**
 * Gathers the {@link ScoringData} of a ledger or store: the one place scoring reads storage.
 *
 * @remarks
 * Four list calls, run together: forecasters, questions (in recorded order, with their current
 * resolutions), forecasts (withdrawn ones too, each given its `withdrawnAt`: see
 * {@link ScoringForecast}) and the question-life events (for the withdrawals and the amendments).
 * The scorecard and leaderboard math runs over the result, so a faster
 * loader (a single SQL query, say) can replace this one without touching it. With
 * `options.forecaster`, only that forecaster's part of the ledger is read: one question query, then
 * one forecast query and one update query per question. With `options.resolvedOnly`, only what a leaderboard reads: the
 * resolved questions and the forecasts on them (one query, joined on the question's status). Questions
 * whose resolution was corrected bring their earlier resolutions (one more query each), so `asOf`
 * can restore the one that stood before the correction.
 *
 * @param source - a `Ledger` or a `LedgerStore`
 * @param options - `forecaster`: load only that forecaster's part (what their scorecard reads);
 *   `resolvedOnly`: load only the resolved questions and their forecasts (what a leaderboard reads)
 * @returns the data, as plain arrays
 * @throws LedgerError `validation_failed` when `source` is not a ledger or store, or an option has the
 *   wrong type; `unknown_option` for an unknown option; `ledger_closed` or `storage_error` from the store
 *
 * @example
 * ```ts
 * const data = await loadScoringData(ledger);
 * const card = buildScorecard(data, 'goldman-sachs', { asOf: '2026-01-01' });
 * ```
 */
export async function loadScoringData(
  source: ScoringDataSource,
  options: {
    /**
     * Load only what this forecaster's scorecard reads: the forecaster, the questions they made a
     * claim on, and every forecast on those questions (everyone's, for coverage and relative
     * scores). `buildScorecard` for this forecaster gives the same result as over the whole ledger,
     * at a cost that grows with the forecaster's questions instead of with the ledger.
     */
    forecaster?: Forecaster;
    /**
     * Load only what a leaderboard reads: every forecaster, the `resolved` questions and the
     * forecasts on them. `buildLeaderboard` gives the same result as over the whole ledger (open,
     * annulled and ambiguous questions never count there), reading and parsing about as many
     * forecasts as are resolved. Not for scorecards, which count pending and annulled claims too;
     * ignored with `forecaster`.
     */
    resolvedOnly?: boolean;
  } = {},
): Promise<ScoringData> {
  const fn = 'loadScoringData';
  const methods = ['listForecasters', 'listQuestions', 'listForecasts'] as const;
  if (
    !guardInput(
      fn,
      'source',
      'a Ledger or a LedgerStore',
      () => typeof source === 'object' && source !== null && methods.every((m) => typeof source[m] === 'function'),
    )
  ) {
    throw invalidInput(fn, 'source', `to be a Ledger or a LedgerStore (an object with ${methods.join(', ')})`, source);
  }
  const { forecaster, resolvedOnly } = readOptions(fn, options, ['forecaster', 'resolvedOnly']);
  if (
    forecaster !== undefined &&
    !guardInput(fn, 'options.forecaster', 'a Forecaster', () => typeof forecaster === 'object' && forecaster !== null && typeof forecaster.id === 'string')
  ) {
    throw invalidInput(fn, 'options.forecaster', 'to be a Forecaster { id, name, … }', forecaster);
  }
  if (resolvedOnly !== undefined && typeof resolvedOnly !== 'boolean') throw invalidInput(fn, 'options.resolvedOnly', 'to be a boolean', resolvedOnly);
  const withdrawn = typeof source.listUpdates === 'function' ? undefined : false;
  if (forecaster) {
    const questions = await source.listQuestions({ forecaster: forecaster.id, order: 'recorded' });
    const ids = questions.map((r) => r.question.id);
    const [perQuestion, updates] = await Promise.all([
      Promise.all(ids.map((questionId) => source.listForecasts({ questionId, ...(withdrawn === undefined ? {} : { withdrawn }) }))),
      withdrawn === undefined ? Promise.all(ids.map((questionId) => source.listUpdates!({ questionId }))) : [],
    ]);
    // The aggregates come along: they are peers on these questions, computed from the forecasts read.
    const aggregates = (await source.listForecasters()).filter((f) => f.aggregate && f.id !== forecaster.id);
    return withCorrected(source, withUpdates({ forecasters: [forecaster, ...aggregates], questions, forecasts: perQuestion.flat() }, updates.flat()));
  }
  const [forecasters, questions, forecasts, updates] = await Promise.all([
    source.listForecasters(),
    source.listQuestions(resolvedOnly ? { status: 'resolved', order: 'recorded' } : { order: 'recorded' }),
    source.listForecasts({ ...(resolvedOnly ? { questionStatus: 'resolved' } : {}), ...(withdrawn === undefined ? {} : { withdrawn }) }),
    withdrawn === undefined ? source.listUpdates!() : [],
  ]);
  return withCorrected(source, withUpdates({ forecasters, questions, forecasts }, updates));
}

/**
 * The data with each withdrawn forecast's `withdrawnAt` and the amendments: the one place the
 * withdrawal rule enters scoring data (see {@link ScoringForecast}); the builders, the stored
 * scorecard and the time-weighting functions read it from there.
 *
 * @internal
 */
export function withUpdates(data: ScoringData, updates: readonly QuestionUpdate[]): ScoringData {
  if (!updates.length) return data;
  const withdrawnAt = new Map<string, string>();
  const amendments: QuestionAmendment[] = [];
  for (const u of updates) {
    if (u.type === 'forecast.withdrawn' && u.record.recordedAt !== undefined) withdrawnAt.set(u.record.forecastId, u.record.recordedAt);
    else if (u.type === 'question.amended') amendments.push(u.record);
  }
  const forecasts = withdrawnAt.size ? data.forecasts.map((f) => (withdrawnAt.has(f.id) ? { ...f, withdrawnAt: withdrawnAt.get(f.id)! } : f)) : data.forecasts;
  return { ...data, forecasts, ...(amendments.length ? { amendments } : {}) };
}

/** The data with every resolution of its corrected questions (one indexed read each), for point-in-time scoring. */
async function withCorrected(source: ScoringDataSource, data: ScoringData): Promise<ScoringData> {
  const corrected = data.questions.filter((r) => r.resolution?.supersedes !== undefined);
  if (!corrected.length || typeof source.listResolutions !== 'function') return data;
  const lists = await Promise.all(corrected.map((r) => source.listResolutions!({ questionId: r.question.id })));
  return { ...data, resolutions: lists.flat() };
}
