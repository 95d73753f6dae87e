import { pushAll } from '../../_internal/arrays.js';
import { effectiveProbability } from '../../core/effective-probability.js';
import { instantOf } from '../../core/time-rules.js';
import type { Estimate, StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { Question } from '../../model/question.js';
import { AggregateSpec } from '../../model/aggregate.js';
import type { ScoringData, ScoringForecast } from '../load-scoring-data.js';
import { assertScoringData, SCORING_DATA } from '../scorecard/_shared.js';
import { guardInput, invalidInput } from '../_internal/validate.js';
import { combineProbabilities, combineValues } from './combine-probabilities.js';

const DAY_MS = 86_400_000;

/** The probability a binary forecast states or implies ({@link effectiveProbability}), or undefined. */
const probabilityOf = (f: StoredForecast): number | undefined => effectiveProbability(f) ?? undefined;

/** Whether a forecaster id is a member of an aggregate: `all` takes every forecaster that is not an aggregate. */
function memberTest(spec: AggregateSpec, aggregateIds: ReadonlySet<string>): (id: string) => boolean {
  if (spec.members === 'all') return (id) => !aggregateIds.has(id);
  const listed = new Set(spec.members);
  return (id) => listed.has(id) && !aggregateIds.has(id);
}

/** The aggregate estimate of the standing forecasts (oldest first), or undefined when the method does not apply to the kind. */
function combine(question: Question, standing: readonly StoredForecast[], spec: AggregateSpec): Estimate | undefined {
  const { method, parameter } = spec;
  switch (question.kind) {
    case 'binary': {
      const ps = standing.map(probabilityOf).filter((p): p is number => p !== undefined);
      return ps.length ? { kind: 'binary', probability: combineProbabilities(ps, method, parameter) } : undefined;
    }
    case 'categorical': {
      const options = question.spec.options.map((o) => o.id);
      const lists = standing.flatMap((f) => (f.estimate.kind === 'categorical' ? [f.estimate.probabilities] : []));
      if (!lists.length) return undefined;
      const combined = options.map((o) =>
        combineProbabilities(
          lists.map((l) => l[o] ?? 0),
          method,
          parameter,
        ),
      );
      const total = combined.reduce((a, b) => a + b, 0);
      // Renormalise to 1 (methods other than the mean do not keep the sum); an all-zero result stays unstated.
      if (!(total > 0)) return undefined;
      return { kind: 'categorical', probabilities: Object.fromEntries(options.map((o, i) => [o, combined[i]! / total])) };
    }
    case 'numeric': {
      const points = standing.flatMap((f) => (f.estimate.kind === 'numeric' && f.estimate.point !== undefined ? [f.estimate.point] : []));
      const point = points.length ? combineValues(points, method) : undefined;
      return point === undefined ? undefined : { kind: 'numeric', point };
    }
    case 'date': {
      const days = standing.flatMap((f) => (f.estimate.kind === 'date' && f.estimate.point ? [Date.parse(`${f.estimate.point}T00:00:00Z`) / DAY_MS] : []));
      const day = days.length ? combineValues(days, method) : undefined;
      return day === undefined ? undefined : { kind: 'date', point: new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10) };
    }
  }
}

/**
 * The forecasts of one aggregate on one question: after each member forecast (in time order), the
 * aggregate of every member's latest forecast standing then.
 *
 * @internal
 */
export function aggregateForecasts(aggregate: Forecaster, question: Question, memberForecasts: readonly ScoringForecast[]): ScoringForecast[] {
  const spec = aggregate.aggregate!;
  // A member's withdrawal is a step too: from then on that forecast no longer stands in the aggregate.
  const steps = memberForecasts
    .flatMap((f, i) => [
      { f, t: instantOf(f.madeAt), i, made: true },
      ...(f.withdrawnAt === undefined ? [] : [{ f, t: instantOf(f.withdrawnAt), i, made: false }]),
    ])
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const latest = new Map<string, { f: ScoringForecast; t: number; i: number }>();
  const out: ScoringForecast[] = [];
  let changed = false;
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    if (step.made) {
      latest.set(step.f.forecasterId, step);
      changed = true;
    } else if (latest.get(step.f.forecasterId)?.f === step.f) {
      // (Withdrawing a forecast the member had already replaced changes nothing.)
      latest.delete(step.f.forecasterId);
      changed = true;
    }
    // Steps at the same instant count together: aggregate once, after the last of them.
    if ((k + 1 < steps.length && steps[k + 1]!.t === step.t) || !changed) continue;
    changed = false;
    const standing = [...latest.values()].sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.f);
    const previous = out[out.length - 1];
    if (!standing.length) {
      // Every member's forecast was withdrawn: the aggregate's stops standing too, until a member forecasts again.
      if (previous && previous.withdrawnAt === undefined) out[out.length - 1] = { ...previous, withdrawnAt: new Date(step.t).toISOString() };
      continue;
    }
    const estimate = combine(question, standing, spec);
    if (!estimate) continue;
    out.push({
      id: `${aggregate.id}.${question.id}.${out.length + 1}`.slice(0, 160),
      questionId: question.id,
      forecasterId: aggregate.id,
      madeAt: step.made ? step.f.madeAt : new Date(step.t).toISOString(),
      madeAtBasis: `${spec.method} of ${standing.length} member forecast${standing.length === 1 ? '' : 's'} standing then`,
      estimate,
    });
  }
  return out;
}

/**
 * Adds the computed forecasts of every aggregate forecaster to scoring data.
 *
 * @remarks
 * An aggregate forecaster (one with `aggregate`, see `Ledger.addAggregate`) stores no forecasts; it
 * is scored on what this function computes from its members' forecasts on each question in `data`,
 * so it is ranked, time-weighted and compared with peers like any forecaster. Forecasts stored under
 * an aggregate's id (there should be none) are ignored. Members that are themselves aggregates are
 * left out. Pure; the input is not changed.
 *
 * The argument is checked like the builders' ({@link buildLeaderboard}): it must be an object with the
 * arrays `forecasters`, `questions` and `forecasts`, each aggregate's `aggregate` a valid definition
 * (method, members, parameter), and a value that cannot be read as scoring data (a `null` record, a
 * throwing getter) is refused rather than failing with a TypeError.
 *
 * @param data - scoring data as {@link loadScoringData} returns it
 * @returns the same data with the aggregates' forecasts added
 * @throws LedgerError `validation_failed` naming the field (`data.forecasts`, `data.forecasters[2].aggregate.method`…)
 *   when `data` is not scoring data
 *
 * @example
 * ```ts
 * // data: alice said 0.5 and 1, bob 0.5 and 0.75 on two questions; "pool" is the mean of both.
 * const pool = { id: 'pool', name: 'Pool', type: 'organization', aliases: [], aggregate: { method: 'mean', members: 'all' } };
 * withAggregates({ ...data, forecasters: [...data.forecasters, pool] })
 *   .forecasts.filter((f) => f.forecasterId === 'pool')
 *   .map((f) => f.estimate.probability); //=> [0.5, 0.875]
 * ```
 */
export function withAggregates(data: ScoringData): ScoringData {
  const fn = 'withAggregates';
  assertScoringData(fn, data);
  return guardInput(fn, 'data', SCORING_DATA, () => {
    assertAggregateSpecs(fn, data);
    return addAggregates(data);
  });
}

/**
 * Throws `validation_failed` naming the field (`data.forecasters[2].aggregate.method`) unless every
 * forecaster's `aggregate`, where there is one, is a valid definition. Called by every public door
 * that combines aggregates ({@link withAggregates}, `buildLeaderboard`, `buildScorecard`), inside
 * their `guardInput`.
 *
 * @internal
 */
export function assertAggregateSpecs(fn: string, data: ScoringData): void {
  data.forecasters.forEach((f, i) => {
    if (f.aggregate === undefined) return;
    const parsed = AggregateSpec.safeParse(f.aggregate);
    if (!parsed.success) {
      const { path, message } = parsed.error.issues[0]!;
      const field = [`data.forecasters[${i}].aggregate`, ...path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))].join('');
      const received = path.reduce<unknown>((value, k) => (value as Record<PropertyKey, unknown> | undefined)?.[k], f.aggregate);
      throw invalidInput(fn, field, `to be valid (${message})`, received);
    }
  });
}

/**
 * {@link withAggregates} on data already checked (the builders check theirs; the stored scores' data
 * comes from the store).
 *
 * @internal
 */
export function addAggregates(data: ScoringData): ScoringData {
  const aggregates = data.forecasters.filter((f) => f.aggregate);
  if (!aggregates.length) return data;
  const aggregateIds = new Set(aggregates.map((a) => a.id));
  const own = data.forecasts.filter((f) => !aggregateIds.has(f.forecasterId));
  const byQuestion = new Map<string, ScoringForecast[]>();
  for (const f of own) {
    const list = byQuestion.get(f.questionId);
    if (list) list.push(f);
    else byQuestion.set(f.questionId, [f]);
  }
  const added: ScoringForecast[] = [];
  for (const aggregate of aggregates) {
    const isMember = memberTest(aggregate.aggregate!, aggregateIds);
    for (const record of data.questions) {
      const forecasts = (byQuestion.get(record.question.id) ?? []).filter((f) => isMember(f.forecasterId));
      if (forecasts.length) pushAll(added, aggregateForecasts(aggregate, record.question, forecasts));
    }
  }
  return { ...data, forecasts: [...own, ...added] };
}

/**
 * Scoring data limited to the questions with a tag (and the forecasts on them); the data itself
 * when `tag` is undefined.
 *
 * @internal
 */
export function limitToTag(data: ScoringData, tag: string | undefined): ScoringData {
  if (tag === undefined) return data;
  const questions = data.questions.filter((r) => r.question.tags.includes(tag));
  const ids = new Set(questions.map((r) => r.question.id));
  return { ...data, questions, forecasts: data.forecasts.filter((f) => ids.has(f.questionId)) };
}
