import { madeBeforeClose, questionClose, type QuestionClose } from '../../core/time-rules.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Question } from '../../model/question.js';
import type { Outcome } from '../../model/resolution.js';
import { scoreClaimWith } from '../claims/score-claim.js';
import { resolveScoringOptions, type ResolvedScoringOptions } from '../claims/scoring-options.js';
import type { ScoringData } from '../load-scoring-data.js';
import { limitToTag, withAggregates } from '../aggregate/with-aggregates.js';
import { peerScores, relativeBrierScores } from '../relative-scores.js';
import { standingWeights } from '../time-weighted.js';
import { ExactSum, sum } from '../_internal/sum.js';
import { guardInput } from '../_internal/validate.js';
import { parseArg } from '../../_internal/validate-args.js';
import { standingOn } from '../point-in-time.js';
import { refuseRecordedBy, asOfDate, assertScoringData, hitRateOf, integerOption, LeaderboardOptionsArg, SCORING_DATA } from './_shared.js';
import type { Leaderboard, LeaderboardEntry, LeaderboardOptions } from './types.js';

/** A resolved, scorable forecast question, with what the hot loop needs. */
interface QuestionInfo {
  readonly question: Question;
  readonly outcome: Outcome;
  readonly resolvedOn: string;
  /** When the question closed (see src/core/time-rules.ts). */
  readonly close: QuestionClose;
  readonly binary: boolean;
}

/** The probability a binary forecast is scored at (stated, else implied by its wording). */
function probabilityOf(forecast: StoredForecast): number {
  const estimate = forecast.estimate as { probability?: number };
  return estimate.probability ?? forecast.confidence!.impliedProbability;
}

/**
 * The time-weighted Brier score, log loss and hit fraction of one forecaster's binary forecasts on a
 * question: the same weights, order and exactly rounded sums as {@link scorePrediction}.
 */
function timeWeightedBinary(list: readonly StoredForecast[], info: QuestionInfo, factor: number, eps: number): { brier: number; log: number; hit: number } {
  const yes = info.outcome.value === true;
  const weights = standingWeights(list, new Date(info.close.at)).filter((w) => w.weight > 0);
  const brier: number[] = [];
  const log: number[] = [];
  const hit: number[] = [];
  for (const { forecast } of weights) {
    const p = probabilityOf(forecast);
    const d = p - (yes ? 1 : 0);
    const clipped = Math.min(1 - eps, Math.max(eps, p));
    brier.push(factor * (d * d));
    log.push(0 - Math.log(yes ? clipped : 1 - clipped));
    hit.push(p === 0.5 ? 0.5 : Number(p > 0.5 === yes));
  }
  if (weights.length === 1) return { brier: brier[0]!, log: log[0]!, hit: hit[0]! };
  const weighted = (values: number[]) => sum(values.map((v, i) => v * weights[i]!.weight));
  return { brier: weighted(brier), log: weighted(log), hit: weighted(hit) };
}

/**
 * The time-weighted hit fraction of one forecaster's forecasts on a numeric, date or categorical
 * question: `scorePrediction(…).hitFraction` (same weights, order and exactly rounded sum), without the
 * metrics the leaderboard does not show (those questions add no Brier score to it).
 */
function timeWeightedHit(list: readonly StoredForecast[], info: QuestionInfo, o: ResolvedScoringOptions): number {
  const weights = standingWeights(list, new Date(info.close.at)).filter((w) => w.weight > 0);
  const hit = weights.map(({ forecast }) => hitValue(scoreClaimWith(info.question, forecast, info.outcome, o).hit));
  return hit.length === 1 ? hit[0]! : sum(hit.map((v, i) => v * weights[i]!.weight));
}

/** A claim's hit as a number: 1 hit, 0 miss, 0.5 no call (`null`). */
function hitValue(hit: boolean | null): number {
  return hit === null ? 0.5 : Number(hit);
}

/**
 * Ranks forecasters by the Wilson lower bound of their hit rate, then mean Brier score, from plain {@link ScoringData}: pure, O(N).
 *
 * @remarks
 * Every figure is the one {@link buildScorecard} reports for the forecaster: per resolved question,
 * the time-weighted score of their standing forecasts; plans and goals, annulled and ambiguous
 * questions are left out. A forecaster is ranked with at least `minResolved` resolved, scored
 * forecasts (default 1); the others are listed in `unranked`.
 *
 * Order (ties broken deterministically, no shared ranks): the lower bound of the Wilson 95 % interval
 * of the hit rate over every resolved claim of any kind, **higher first** (a forecaster with no verdict
 * counts as 0); then the mean Brier score over binary forecasts, **lower first** (none last);
 * then more resolved forecasts first; then forecaster id. So a forecaster whose resolved claims are all
 * misses (lower bound 0) never ranks above one whose resolved claims are all hits (lower bound above 0),
 * whatever kinds the claims are, and a single lucky hit ranks below a long record of mostly hits.
 *
 * The work is linear in the number of forecasts: one counting sort of the forecasts by question,
 * one pass grouping each question's forecasts by forecaster with typed-array stamps (no per-forecast
 * objects), single binary forecasts scored inline, updates time-weighted as {@link scorePrediction}
 * does, other kinds through {@link scoreClaim} for their verdict only; relative scores per question
 * cost O(k log k) for k forecasters.
 *
 * @param input - every forecaster, question (with its current resolution) and forecast; aggregate forecasters get
 *   their computed forecasts ({@link withAggregates}), and `options.tag` keeps only the questions with that tag
 * @param options - `minResolved` (default 1), `asOf` (recorded only), and {@link ScoringOptions}
 * @returns the ranked entries and the unranked forecasters
 * @throws LedgerError `validation_failed` when an option is out of range
 *
 * @example
 * ```ts
 * const board = buildLeaderboard(data, { minResolved: 1, asOf: '2026-01-01' });
 * board.entries.map((e) => [e.rank, e.forecasterId, e.meanBrier]); //=> [[1, 'alice', 0.125], [2, 'bob', 0.15625]]
 * ```
 *
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *   Weather Review 78(1):1–3.
 * @see Metaculus, Scores FAQ https://www.metaculus.com/help/scores-faq/
 */
export function buildLeaderboard(input: ScoringData, options: LeaderboardOptions = {}): Leaderboard {
  const fn = 'buildLeaderboard';
  assertScoringData(fn, input);
  options = (parseArg(fn, 'options', LeaderboardOptionsArg, options) ?? {}) as LeaderboardOptions;
  refuseRecordedBy(fn, options.recordedBy, 'ledger.leaderboard()');
  const asOf = asOfDate(fn, options.asOf);
  return guardInput(fn, 'data', SCORING_DATA, () =>
    buildLeaderboardUnchecked(withAggregates(limitToTag(standingOn(input, asOf), options.tag)), { ...options, asOf }),
  );
}

function buildLeaderboardUnchecked(data: ScoringData, options: LeaderboardOptions): Leaderboard {
  const fn = 'buildLeaderboard';
  const o = resolveScoringOptions(fn, options);
  const asOf = asOfDate(fn, options.asOf);
  const minResolved = integerOption(fn, 'options.minResolved', options.minResolved ?? 1, 0);
  const factor = o.brierScale === '0-2' ? 2 : 1;
  const eps = o.logEpsilon;

  const { forecasters, forecasts } = data;
  const F = forecasters.length;
  const forecasterIndex = new Map<string, number>();
  forecasters.forEach((f, i) => forecasterIndex.set(f.id, i));

  // Resolved forecast questions only: plans, goals, open, annulled and ambiguous ones are not ranked.
  const infos: QuestionInfo[] = [];
  const questionIndex = new Map<string, number>();
  for (const record of data.questions) {
    const q = record.question;
    const resolution = record.resolution;
    if (record.status !== 'resolved' || !resolution?.outcome || q.stance === 'plan' || q.stance === 'goal') continue;
    questionIndex.set(q.id, infos.length);
    const close = questionClose(q.resolution.resolveOn, resolution.resolvedOn);
    infos.push({ question: q, outcome: resolution.outcome, resolvedOn: resolution.resolvedOn, close, binary: q.kind === 'binary' });
  }

  // Counting sort of the forecasts by question (stable): order[start[q]..start[q+1]) are question q's.
  const Q = infos.length;
  const N = forecasts.length;
  const questionOf = new Int32Array(N);
  const start = new Int32Array(Q + 1);
  for (let i = 0; i < N; i++) {
    const qi = questionIndex.get(forecasts[i]!.questionId);
    questionOf[i] = qi ?? -1;
    if (qi !== undefined) start[qi + 1]!++;
  }
  for (let q = 0; q < Q; q++) start[q + 1]! += start[q]!;
  const cursor = start.slice(0, Q);
  const order = new Int32Array(start[Q]!);
  for (let i = 0; i < N; i++) {
    const qi = questionOf[i]!;
    if (qi >= 0) order[cursor[qi]!++] = i;
  }

  // Per-forecaster accumulators (exactly rounded sums, so means match the scorecard's to the last bit).
  const brierSum = new SumColumn(F);
  const logSum = new SumColumn(F);
  const binaryN = new Int32Array(F);
  const hits = new Int32Array(F);
  const misses = new Int32Array(F);
  const noCalls = new Int32Array(F);
  const peerSum = new SumColumn(F);
  const relativeSum = new SumColumn(F);
  const relativeN = new Int32Array(F);

  // Per-question scratch, reused: which slot a forecaster has in the current question.
  const stamp = new Int32Array(F).fill(-1);
  const slotOf = new Int32Array(F);
  const slotForecaster: number[] = [];
  const slotFirst: number[] = [];
  const slotMore: (StoredForecast[] | null)[] = [];
  const relForecaster: number[] = [];
  const relBrier: number[] = [];
  const relLog: number[] = [];

  const verdict = (f: number, hitFraction: number): void => {
    if (hitFraction > 0.5) hits[f]!++;
    else if (hitFraction < 0.5) misses[f]!++;
    else noCalls[f]!++;
  };

  for (let q = 0; q < Q; q++) {
    const info = infos[q]!;
    let slots = 0;
    for (let k = start[q]!; k < start[q + 1]!; k++) {
      const i = order[k]!;
      const f = forecasterIndex.get(forecasts[i]!.forecasterId);
      if (f === undefined) continue;
      if (stamp[f] !== q) {
        stamp[f] = q;
        slotOf[f] = slots;
        slotForecaster[slots] = f;
        slotFirst[slots] = i;
        slotMore[slots] = null;
        slots++;
      } else {
        const s = slotOf[f]!;
        (slotMore[s] ??= [forecasts[slotFirst[s]!]!]).push(forecasts[i]!);
      }
    }
    let rel = 0;
    for (let s = 0; s < slots; s++) {
      const f = slotForecaster[s]!;
      const more = slotMore[s];
      if (more === null) {
        const forecast = forecasts[slotFirst[s]!]!;
        if (!madeBeforeClose(forecast.madeAt, info.close)) continue;
        const estimate = forecast.estimate;
        if (info.binary && estimate.kind === 'binary') {
          // One binary forecast: weight 1, scored inline exactly as brierScore / logLoss / scoreClaim do.
          const p = estimate.probability ?? forecast.confidence?.impliedProbability;
          if (p === undefined) continue;
          const yes = info.outcome.value === true;
          const d = p - (yes ? 1 : 0);
          const brier = factor * (d * d);
          const clipped = Math.min(1 - eps, Math.max(eps, p));
          const log = 0 - Math.log(yes ? clipped : 1 - clipped);
          brierSum.add(f, brier);
          logSum.add(f, log);
          binaryN[f]!++;
          verdict(f, p === 0.5 ? 0.5 : p > 0.5 === yes ? 1 : 0);
          relForecaster[rel] = f;
          relBrier[rel] = brier;
          relLog[rel] = -log;
          rel++;
          continue;
        }
        if (!info.binary) {
          // One numeric, date or categorical forecast: weight 1, its verdict alone.
          verdict(f, hitValue(scoreClaimWith(info.question, forecast, info.outcome, o).hit));
          continue;
        }
      }
      const list = more ?? [forecasts[slotFirst[s]!]!];
      if (!list.some((x) => madeBeforeClose(x.madeAt, info.close))) continue;
      if (info.binary) {
        // Updated binary forecasts: time-weighted exactly as scorePrediction does, without its objects.
        const tw = timeWeightedBinary(list, info, factor, eps);
        brierSum.add(f, tw.brier);
        logSum.add(f, tw.log);
        binaryN[f]!++;
        verdict(f, tw.hit);
        relForecaster[rel] = f;
        relBrier[rel] = tw.brier;
        relLog[rel] = -tw.log;
        rel++;
        continue;
      }
      // Numeric, date and categorical questions: only the verdict counts (a Brier score is binary).
      verdict(f, timeWeightedHit(list, info, o));
    }
    if (rel >= 2) {
      const peer = peerScores(relLog.slice(0, rel));
      const relative = relativeBrierScores(relBrier.slice(0, rel));
      for (let r = 0; r < rel; r++) {
        const f = relForecaster[r]!;
        peerSum.add(f, peer[r]!);
        relativeSum.add(f, relative[r]!);
        relativeN[f]!++;
      }
    }
  }

  const rows = forecasters.map((forecaster, f) => {
    const hitRate = hitRateOf(hits[f]!, misses[f]!, noCalls[f]!);
    return {
      forecasterId: forecaster.id,
      name: forecaster.name,
      resolved: hits[f]! + misses[f]! + noCalls[f]!,
      binary: binaryN[f]!,
      ...(binaryN[f]! ? { meanBrier: brierSum.total(f) / binaryN[f]!, meanLogLoss: logSum.total(f) / binaryN[f]! } : {}),
      ...(hitRate ? { hitRate } : {}),
      relativeQuestions: relativeN[f]!,
      ...(relativeN[f]! ? { meanPeerScore: peerSum.total(f) / relativeN[f]!, meanRelativeBrier: relativeSum.total(f) / relativeN[f]! } : {}),
    };
  });
  const ranked = rows.filter((r) => r.resolved >= minResolved).sort(compareRows);
  return {
    asOf,
    minResolved,
    options: o,
    entries: ranked.map((row, i): LeaderboardEntry => ({ rank: i + 1, ...row })),
    unranked: rows
      .filter((r) => r.resolved < minResolved)
      .map(({ forecasterId, name, resolved }) => ({ forecasterId, name, resolved }))
      .sort((a, b) => (a.forecasterId < b.forecasterId ? -1 : 1)),
  };
}

/** One exactly rounded running sum per forecaster ({@link ExactSum}), as the scoring rules' `sum` computes it. */
class SumColumn {
  readonly #sums: (ExactSum | undefined)[];
  constructor(size: number) {
    this.#sums = new Array<ExactSum | undefined>(size);
  }
  add(i: number, value: number): void {
    (this.#sums[i] ??= new ExactSum()).add(value);
  }
  total(i: number): number {
    return this.#sums[i]?.total() ?? 0;
  }
}

type Row = Omit<LeaderboardEntry, 'rank'>;

/**
 * The ranking rule in one sentence, as the leaderboard pages and the CLI print it.
 *
 * @internal
 */
export const LEADERBOARD_RULE =
  'Ranked by the lower bound of the 95% Wilson interval of the hit rate over every resolved claim (higher first), ' +
  'then mean Brier score over probability claims (lower first, none last), then more resolved claims, then id.';

/**
 * Wilson lower bound of the hit rate descending (none counts as 0), mean Brier ascending
 * (none last), resolved descending, id: all-miss (lower bound 0) never ranks above all-hit (lower bound above 0).
 */
function compareRows(a: Row, b: Row): number {
  return (
    (b.hitRate?.lower ?? 0) - (a.hitRate?.lower ?? 0) ||
    ascendingMissingLast(a.meanBrier, b.meanBrier) ||
    b.resolved - a.resolved ||
    (a.forecasterId < b.forecasterId ? -1 : a.forecasterId > b.forecasterId ? 1 : 0)
  );
}

function ascendingMissingLast(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}
