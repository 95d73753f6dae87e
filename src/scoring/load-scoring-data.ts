import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { ForecastFilter, QuestionFilter, QuestionRecord } from '../storage/types.js';

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
  /** Every forecast, in any order. */
  readonly forecasts: readonly StoredForecast[];
}

/** What {@link loadScoringData} reads from: a `Ledger` or any `LedgerStore`. */
export interface ScoringDataSource {
  /** Every forecaster. */
  listForecasters(): Promise<Forecaster[]>;
  /** Questions with their current state (the loader asks for `order: 'recorded'`). */
  listQuestions(filter?: QuestionFilter): Promise<QuestionRecord[]>;
  /** Every forecast, in recorded order. */
  listForecasts(filter?: ForecastFilter): Promise<StoredForecast[]>;
}

/**
 * Gathers the {@link ScoringData} of a ledger or store: the one place scoring reads storage.
 *
 * @remarks
 * Three list calls, run together: forecasters, questions (in recorded order, with their current
 * resolutions) and forecasts. The scorecard and leaderboard math runs over the result, so a faster
 * loader (a single SQL query, say) can replace this one without touching it. With
 * `options.forecaster`, only that forecaster's part of the ledger is read: one question query, then
 * one forecast query per question.
 *
 * @param source - a `Ledger` or a `LedgerStore`
 * @param options - `forecaster`: load only that forecaster's part (what their scorecard reads)
 * @returns the data, as plain arrays
 * @throws LedgerError `ledger_closed` or `storage_error` from the store
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
  } = {},
): Promise<ScoringData> {
  const { forecaster } = options;
  if (forecaster) {
    const questions = await source.listQuestions({ forecaster: forecaster.id, order: 'recorded' });
    const perQuestion = await Promise.all(questions.map((r) => source.listForecasts({ questionId: r.question.id })));
    return { forecasters: [forecaster], questions, forecasts: perQuestion.flat() };
  }
  const [forecasters, questions, forecasts] = await Promise.all([
    source.listForecasters(),
    source.listQuestions({ order: 'recorded' }),
    source.listForecasts(),
  ]);
  return { forecasters, questions, forecasts };
}
