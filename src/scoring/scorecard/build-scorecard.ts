import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionRecord } from '../../model/question-record.js';
import { brierDecomposition } from '../brier-decomposition.js';
import { calibrationCurve } from '../calibration-curve.js';
import { madeAfterOutcome } from '../../core/time-rules.js';
import type { PredictionScore } from '../claims/score-prediction.js';
import { resolveScoringOptions, type ResolvedScoringOptions } from '../claims/scoring-options.js';
import type { ScoringData, ScoringForecast } from '../load-scoring-data.js';
import { addAggregates, assertAggregateSpecs, limitToTag } from '../aggregate/with-aggregates.js';
import { median } from '../median.js';
import { isPlanStance, scoreQuestion, type ScorecardScore } from '../stored/score-question.js';
import { guardInput } from '../_internal/validate.js';
import { IdArg, parseArg } from '../../_internal/validate-args.js';
import { standingOn } from '../point-in-time.js';
import {
  refuseRecordedBy,
  asOfDate,
  assertScoringData,
  byMadeAt,
  findForecaster,
  hitRateOf,
  integerOption,
  meanOrUndefined,
  SCORING_DATA,
  ScorecardOptionsArg,
} from './_shared.js';
import type {
  DateSummary,
  ForecastAfterOutcome,
  NumericSummary,
  PlanSummary,
  PredictionVerdict,
  ProbabilitySummary,
  RelativeSummary,
  Scorecard,
  ScorecardCounts,
  ScorecardOptions,
  ScorecardPrediction,
} from './types.js';

function verdictOf(record: QuestionRecord, score: PredictionScore | undefined, asOf: string): PredictionVerdict {
  if (record.status === 'open') return record.question.resolution.resolveOn < asOf ? 'overdue' : 'pending';
  if (record.status !== 'resolved') return record.status;
  if (!score) return 'unscored';
  if (!isPlanStance(record.question.stance)) return score.verdict;
  return score.achievedFraction > 0.5 ? 'achieved' : score.achievedFraction < 0.5 ? 'missed' : 'no-call';
}

/** Groups forecasts by question, for the forecaster and for everyone on the forecaster's questions. */
function gather(data: ScoringData, forecasterId: string) {
  const mine = new Map<string, ScoringForecast[]>();
  for (const f of data.forecasts) {
    if (f.forecasterId !== forecasterId) continue;
    const list = mine.get(f.questionId);
    if (list) list.push(f);
    else mine.set(f.questionId, [f]);
  }
  const everyone = new Map<string, ScoringForecast[]>();
  for (const f of data.forecasts) {
    if (!mine.has(f.questionId)) continue;
    const list = everyone.get(f.questionId);
    if (list) list.push(f);
    else everyone.set(f.questionId, [f]);
  }
  return { mine, everyone };
}

/**
 * One entry of a scorecard: the forecaster's claim on a question (from their own forecasts, as
 * `asOf` saw them) and its score, computed ({@link scoreQuestion}) or stored.
 *
 * @internal
 */
export function predictionOf(
  record: QuestionRecord,
  forecasts: readonly ScoringForecast[],
  scored: ScorecardScore | undefined,
  afterOutcome: ForecastAfterOutcome[],
  asOf: string,
): ScorecardPrediction {
  const q = record.question;
  const sorted = [...forecasts].sort(byMadeAt);
  const latest = sorted[sorted.length - 1]!;
  const resolution = record.resolution;
  const before = afterOutcome.length;
  if (resolution) {
    for (const f of sorted) {
      if (madeAfterOutcome(f.madeAt, resolution.resolvedOn)) {
        afterOutcome.push({ questionId: q.id, title: q.title, forecastId: f.id, madeAt: f.madeAt, resolvedOn: resolution.resolvedOn });
      }
    }
  }
  const madeAfter = afterOutcome.length - before;
  const withdrawn = sorted.filter((f) => f.withdrawnAt !== undefined).length;
  const score = scored?.score;
  return {
    questionId: q.id,
    title: q.title,
    kind: q.kind,
    stance: q.stance,
    semantics: q.resolution.semantics,
    ...(q.kind === 'numeric' ? { unit: q.spec.unit } : {}),
    dueOn: q.resolution.resolveOn,
    status: record.status,
    verdict: verdictOf(record, score, asOf),
    section: isPlanStance(q.stance) ? 'plan-goal' : 'forecast',
    forecasts: forecasts.length,
    ...(withdrawn ? { withdrawn } : {}),
    firstMadeAt: sorted[0]!.madeAt,
    lastMadeAt: latest.madeAt,
    estimate: latest.estimate,
    ...(latest.confidence ? { confidence: latest.confidence } : {}),
    ...(resolution?.outcome ? { outcome: resolution.outcome } : {}),
    ...(resolution ? { resolvedOn: resolution.resolvedOn } : {}),
    corrected: resolution?.supersedes !== undefined,
    ...(scored ? { coverage: scored.coverage } : {}),
    ...(score ? { score } : {}),
    ...(scored?.relative ?? {}),
    ...(madeAfter ? { madeAfterOutcome: madeAfter } : {}),
  };
}

function countsOf(predictions: readonly ScorecardPrediction[], asOf: string): ScorecardCounts {
  const count = (f: (p: ScorecardPrediction) => boolean) => predictions.filter(f).length;
  return {
    made: predictions.length,
    forecasts: predictions.reduce((n, p) => n + p.forecasts, 0),
    resolved: count((p) => p.status === 'resolved'),
    pending: count((p) => p.status === 'open'),
    overdue: count((p) => p.status === 'open' && p.dueOn < asOf),
    annulled: count((p) => p.status === 'annulled'),
    ambiguous: count((p) => p.status === 'ambiguous'),
    scored: count((p) => p.score !== undefined),
    unscored: count((p) => p.verdict === 'unscored'),
  };
}

function probabilityOf(scored: readonly ScorecardPrediction[], o: ResolvedScoringOptions): ProbabilitySummary | undefined {
  const binary = scored.filter((p) => p.kind === 'binary');
  if (!binary.length) return undefined;
  const pairs = binary.map((p) => ({ probability: p.score!.probability!, outcome: p.outcome!.value as boolean }));
  return {
    n: binary.length,
    stated: binary.filter((p) => p.score!.probabilitySource === 'stated').length,
    implied: binary.filter((p) => p.score!.probabilitySource === 'implied').length,
    meanBrier: meanOrUndefined(binary.map((p) => p.score!.brier!))!,
    meanLogLoss: meanOrUndefined(binary.map((p) => p.score!.logLoss!))!,
    decomposition: brierDecomposition(pairs, { bins: o.calibrationBins }),
    calibration: calibrationCurve(pairs, { bins: o.calibrationBins }),
  };
}

function defined(values: readonly (number | undefined)[]): number[] {
  return values.filter((v): v is number => v !== undefined);
}

function numericOf(scored: readonly ScorecardPrediction[]): NumericSummary | undefined {
  const numeric = scored.filter((p) => p.kind === 'numeric').map((p) => p.score!);
  if (!numeric.length) return undefined;
  const points = numeric.filter((s) => s.pointHitFraction !== undefined);
  const intervals = numeric.filter((s) => s.intervalHitFraction !== undefined);
  const apes = defined(points.map((s) => s.absolutePercentageError));
  const inside = intervals.filter((s) => s.intervalHitFraction! > 0.5).length;
  const meanLar = meanOrUndefined(defined(points.map((s) => s.logAccuracyRatio)));
  const meanLevel = meanOrUndefined(intervals.map((s) => s.intervalLevel!));
  return {
    n: numeric.length,
    points: {
      n: points.length,
      hits: points.filter((s) => s.pointHitFraction! > 0.5).length,
      ...(apes.length ? { medianAbsolutePercentageError: median(apes) } : {}),
      ...(meanLar !== undefined ? { meanLogAccuracyRatio: meanLar } : {}),
    },
    intervals: {
      n: intervals.length,
      inside,
      ...(intervals.length ? { coverage: inside / intervals.length, meanLevel } : {}),
    },
    quantiles: { n: numeric.filter((s) => s.meanPinballLoss !== undefined).length },
  };
}

function datesOf(scored: readonly ScorecardPrediction[]): DateSummary | undefined {
  const dates = scored.filter((p) => p.kind === 'date');
  if (!dates.length) return undefined;
  const errors = dates.map((p) => p.score!.errorDays!);
  return {
    n: dates.length,
    hits: dates.filter((p) => p.verdict === 'hit').length,
    meanAbsoluteErrorDays: meanOrUndefined(errors.map(Math.abs))!,
    medianErrorDays: median(errors),
  };
}

function plansOf(predictions: readonly ScorecardPrediction[]): PlanSummary {
  const plans = predictions.filter((p) => p.section === 'plan-goal');
  const count = (verdict: PredictionVerdict) => plans.filter((p) => p.verdict === verdict).length;
  return {
    total: plans.length,
    achieved: count('achieved'),
    missed: count('missed'),
    noCalls: count('no-call'),
    pending: count('pending') + count('overdue'),
    annulled: count('annulled'),
    ambiguous: count('ambiguous'),
    unscored: count('unscored'),
  };
}

function relativeOf(scored: readonly ScorecardPrediction[]): RelativeSummary | undefined {
  const shared = scored.filter((p) => p.peerScore !== undefined);
  if (!shared.length) return undefined;
  return {
    questions: shared.length,
    meanPeerScore: meanOrUndefined(shared.map((p) => p.peerScore!))!,
    meanRelativeBrier: meanOrUndefined(shared.map((p) => p.relativeBrier!))!,
  };
}

/**
 * Builds a forecaster's scorecard from plain {@link ScoringData}: pure, no storage.
 *
 * @remarks
 * One entry per question the forecaster made a claim on. Resolved questions are scored with
 * {@link scorePrediction}: every metric is time-weighted over the forecaster's standing forecasts,
 * from their first forecast to the close (the end of min(resolveOn, resolvedOn)), and `coverage` is
 * the share of the question's window (first forecast by anyone → close) they covered. Annulled and
 * ambiguous questions are counted, never scored. Plans and goals (`stance` plan|goal) are counted
 * as achieved or missed in `plans` and kept out of every accuracy figure.
 *
 * - `hitRate`: hits / (hits + misses) over resolved forecasts of every kind, with the Wilson 95 %
 *   interval; higher is better.
 * - `probability`: binary forecasts (stated or implied probabilities): mean Brier score and mean log
 *   loss over questions (each question counts once, whatever the number of updates; lower is
 *   better), Murphy's decomposition and the calibration curve over (time-weighted probability,
 *   outcome) pairs. `decomposition.brier` is the Brier score of those averaged probabilities on the
 *   0–1 scale, so it equals `meanBrier` when nobody updated and is never larger otherwise.
 * - `numeric`: median absolute percentage error and mean log accuracy ratio of point claims (lower
 *   is better), hits within tolerance, and the coverage of range claims (inside / n, to compare
 *   with their mean nominal level).
 * - `dates`: hits inside the window, mean |error| and median signed error in days.
 * - `relative`: mean peer score (higher is better) and mean relative Brier score (lower is better)
 *   over binary questions that other forecasters scored on too.
 * - `upcoming`: pending claims due on or after `asOf`, soonest first (`upcomingLimit`, default 10).
 * - `madeAfterOutcome`: the forecaster's forecasts made after the outcome (after the end of the
 *   resolution's `resolvedOn` day, UTC), which are never scored: listed, not silently dropped.
 *
 * @param input - every forecaster, question (with its current resolution) and forecast; aggregate forecasters get
 *   their computed forecasts ({@link withAggregates}), and `options.tag` keeps only the questions with that tag
 * @param forecasterId - whose scorecard
 * @param options - `asOf` (default today, UTC), `upcomingLimit`, and {@link ScoringOptions}
 * @returns the scorecard
 * @throws LedgerError `forecaster_not_found` when the forecaster is not in `data`;
 *   `validation_failed` when an option is out of range, or a forecaster's `aggregate` is not a valid
 *   definition (naming the field, e.g. `data.forecasters[2].aggregate.method`)
 *
 * @example
 * ```ts
 * const card = buildScorecard(data, 'alice', { asOf: '2026-01-01' });
 * card.counts.resolved; //=> 2
 * card.probability.meanBrier; //=> 0.125
 * ```
 *
 * @see Metaculus, Scores FAQ (time-averaging, peer score) https://www.metaculus.com/help/scores-faq/
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *   Weather Review 78(1):1–3.
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. JASA 102(477):359–378.
 */
export function buildScorecard(input: ScoringData, forecasterId: string, options: ScorecardOptions = {}): Scorecard {
  const fn = 'buildScorecard';
  assertScoringData(fn, input);
  forecasterId = parseArg(fn, 'forecasterId', IdArg, forecasterId);
  options = (parseArg(fn, 'options', ScorecardOptionsArg, options) ?? {}) as ScorecardOptions;
  refuseRecordedBy(fn, options.recordedBy, 'ledger.scorecard()');
  const asOf = asOfDate(fn, options.asOf);
  return guardInput(fn, 'data', SCORING_DATA, () => {
    assertAggregateSpecs(fn, input);
    return buildScorecardUnchecked(addAggregates(limitToTag(standingOn(input, asOf), options.tag)), forecasterId, { ...options, asOf });
  });
}

function buildScorecardUnchecked(data: ScoringData, forecasterId: string, options: ScorecardOptions): Scorecard {
  const fn = 'buildScorecard';
  const o = resolveScoringOptions(fn, options);
  const asOf = asOfDate(fn, options.asOf);
  const upcomingLimit = integerOption(fn, 'options.upcomingLimit', options.upcomingLimit ?? 10, 0);
  const forecaster = findForecaster(data.forecasters, forecasterId);
  const { mine, everyone } = gather(data, forecasterId);
  const records = new Map(data.questions.map((r) => [r.question.id, r]));
  const predictions: ScorecardPrediction[] = [];
  const afterOutcome: ForecastAfterOutcome[] = [];
  for (const [questionId, forecasts] of mine) {
    const record = records.get(questionId);
    if (!record) continue;
    const scored = scoreQuestion(record, everyone.get(questionId)!, o, forecasterId)[0];
    predictions.push(predictionOf(record, forecasts, scored, afterOutcome, asOf));
  }
  return scorecardOf(forecaster, predictions, afterOutcome, { asOf, options: o, upcomingLimit });
}

/**
 * A scorecard from its entries ({@link predictionOf}), computed or stored: the order, the counts and every summary.
 *
 * @internal
 */
export function scorecardOf(
  forecaster: Forecaster,
  predictions: ScorecardPrediction[],
  afterOutcome: ForecastAfterOutcome[],
  head: { asOf: string; options: ResolvedScoringOptions; upcomingLimit: number },
): Scorecard {
  const { asOf, options: o, upcomingLimit } = head;
  predictions.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const order = new Map(predictions.map((p, i) => [p.questionId, i]));
  afterOutcome.sort((a, b) => order.get(a.questionId)! - order.get(b.questionId)!); // stable: by time within a question
  const scoredForecasts = predictions.filter((p) => p.section === 'forecast' && p.score);
  const verdicts = (v: PredictionVerdict) => scoredForecasts.filter((p) => p.verdict === v).length;
  const hitRate = hitRateOf(verdicts('hit'), verdicts('miss'), verdicts('no-call'));
  const probability = probabilityOf(scoredForecasts, o);
  const numeric = numericOf(scoredForecasts);
  const dates = datesOf(scoredForecasts);
  const relative = relativeOf(scoredForecasts);
  return {
    forecaster,
    asOf,
    options: o,
    counts: countsOf(predictions, asOf),
    ...(hitRate ? { hitRate } : {}),
    ...(probability ? { probability } : {}),
    ...(numeric ? { numeric } : {}),
    ...(dates ? { dates } : {}),
    plans: plansOf(predictions),
    ...(relative ? { relative } : {}),
    upcoming: predictions.filter((p) => p.status === 'open' && p.dueOn >= asOf).slice(0, upcomingLimit),
    predictions,
    madeAfterOutcome: afterOutcome,
  };
}
