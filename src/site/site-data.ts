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
import { splitUpdates, type QuestionLife } from '../_internal/question-life-args.js';
import { amendmentsByQuestion, currentRecords } from '../core/question-revision.js';
import type { QuestionUpdate } from '../model/question-update.js';

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
  /** Each question's clarifications, amendments, comments and withdrawn forecasts (questions with none are absent). */
  readonly lifeByQuestion: ReadonlyMap<string, QuestionLife>;
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

/** The question-life events grouped by question (a withdrawal under its forecast's question), each group split by kind. */
function lifeByQuestion(updates: readonly QuestionUpdate[], forecasts: readonly StoredForecast[]): Map<string, QuestionLife> {
  const questionOf = new Map(forecasts.map((f) => [f.id, f.questionId]));
  const grouped = groupBy(updates, (u) => (u.type === 'forecast.withdrawn' ? (questionOf.get(u.record.forecastId) ?? '') : u.record.questionId));
  return new Map([...grouped].map(([id, list]) => [id, splitUpdates(list)]));
}

/** Reads a ledger into {@link SiteData}: a few list calls, one history call per question, one verify. @internal */
export async function loadSiteData(ledger: Ledger, options: { title: string; asOf: string }): Promise<SiteData> {
  const [counts, verification, scoring, sources, resolutions, updates] = await Promise.all([
    ledger.counts(),
    ledger.verify(),
    // From the store: questions as first added with their amendments, so scorecards as of a past date use the revision then in force.
    loadScoringData(ledger.store),
    ledger.listSources(),
    ledger.listResolutions(),
    ledger.listUpdates(),
  ]);
  const { asOf } = options;
  // The pages show each question's current revision, as `show` does.
  const questions = currentRecords(scoring.questions, amendmentsByQuestion(updates)).sort((a, b) =>
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
    lifeByQuestion: lifeByQuestion(updates, scoring.forecasts),
    historyByQuestion: new Map(histories),
    sources: new Map(sources.map((s) => [s.id, s])),
    forecasts: scoring.forecasts,
  };
}
