/**
 * Everything the site's pages show, read from a ledger once: the pages are pure functions of it.
 *
 * @internal
 * @module
 */
import type { Ledger } from '../ledger.js';
import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Source } from '../model/source.js';
import { groupByQuestion } from '../format/question-calendar.js';
import { loadScoringData } from '../scoring/load-scoring-data.js';
import { buildLeaderboard } from '../scoring/scorecard/build-leaderboard.js';
import { buildScorecard } from '../scoring/scorecard/build-scorecard.js';
import type { Leaderboard, Scorecard } from '../scoring/scorecard/types.js';
import type { LedgerEvent, QuestionRecord, RecordCounts, StoredResolution, VerifyReport } from '../storage/types.js';

/** The data of a site. @internal */
export interface SiteData {
  /** The site's name. */
  readonly title: string;
  /** The date the site is drawn up on: what is due soon or overdue. */
  readonly asOf: string;
  readonly counts: RecordCounts;
  readonly verification: VerifyReport;
  readonly leaderboard: Leaderboard;
  /** Every forecaster, by id. */
  readonly forecasters: ReadonlyMap<string, Forecaster>;
  /** Every forecaster's scorecard, most claims first, then by id. */
  readonly scorecards: readonly Scorecard[];
  /** Every question by due date, then id. */
  readonly questions: readonly QuestionRecord[];
  /** Every forecast of each question, in recorded order. */
  readonly forecastsByQuestion: ReadonlyMap<string, readonly StoredForecast[]>;
  /** Every resolution of each question (superseded ones too), in recorded order. */
  readonly resolutionsByQuestion: ReadonlyMap<string, readonly StoredResolution[]>;
  /** Every event about each question, with hashes. */
  readonly historyByQuestion: ReadonlyMap<string, readonly LedgerEvent[]>;
  /** Every source, by id, in recorded order. */
  readonly sources: ReadonlyMap<string, Source>;
  /** Every forecast, in recorded order. */
  readonly forecasts: readonly StoredForecast[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Reads a ledger into {@link SiteData}: a few list calls, one history call per question, one verify. @internal */
export async function loadSiteData(ledger: Ledger, options: { title: string; asOf: string }): Promise<SiteData> {
  const [counts, verification, scoring, sources, resolutions] = await Promise.all([
    ledger.counts(),
    ledger.verify(),
    loadScoringData(ledger),
    ledger.listSources(),
    ledger.listResolutions(),
  ]);
  const { asOf } = options;
  const questions = [...scoring.questions].sort((a, b) =>
    a.question.resolution.resolveOn < b.question.resolution.resolveOn
      ? -1
      : a.question.resolution.resolveOn > b.question.resolution.resolveOn
        ? 1
        : a.question.id < b.question.id
          ? -1
          : 1,
  );
  const histories = await Promise.all(questions.map(async (r) => [r.question.id, await ledger.history(r.question.id)] as const));
  const scorecards = scoring.forecasters
    .map((f) => buildScorecard(scoring, f.id, { asOf }))
    .sort((a, b) => b.counts.made - a.counts.made || (a.forecaster.id < b.forecaster.id ? -1 : 1));
  return {
    title: options.title,
    asOf,
    counts,
    verification,
    leaderboard: buildLeaderboard(scoring, { asOf }),
    forecasters: new Map(scoring.forecasters.map((f) => [f.id, f])),
    scorecards,
    questions,
    forecastsByQuestion: groupByQuestion(scoring.forecasts),
    resolutionsByQuestion: groupBy(resolutions, (r) => r.questionId),
    historyByQuestion: new Map(histories),
    sources: new Map(sources.map((s) => [s.id, s])),
    forecasts: scoring.forecasts,
  };
}
