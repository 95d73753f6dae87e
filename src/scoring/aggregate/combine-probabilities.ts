import type { AggregateMethod } from '../../model/aggregate.js';
import { sum } from '../_internal/sum.js';
import { assertNonEmptyArray, assertProbability, invalidInput } from '../_internal/validate.js';

/**
 * The Metaculus recency weights of n forecasts ordered oldest first: exp(√k − √n) for the k-th
 * (k = 1…n); equal weights (1) for n ≤ 2, as Metaculus's `generate_recency_weights` returns none then.
 *
 * @internal
 */
export function recencyWeights(n: number): number[] {
  if (n <= 2) return Array.from({ length: n }, () => 1);
  return Array.from({ length: n }, (_, i) => Math.exp(Math.sqrt(i + 1) - Math.sqrt(n)));
}

/**
 * The weighted median: the smallest value at which the cumulative weight reaches half the total;
 * where it lands exactly on half, the mean of that value and the next (so equal weights give the
 * ordinary median, the middle two averaged for an even count).
 *
 * @internal
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const total = sum(weights);
  let cumulative = 0;
  for (let k = 0; k < order.length; k++) {
    cumulative += weights[order[k]!]!;
    const rel = cumulative / total;
    if (Math.abs(rel - 0.5) <= 1e-12 && k + 1 < order.length) return (values[order[k]!]! + values[order[k + 1]!]!) / 2;
    if (rel > 0.5) return values[order[k]!]!;
  }
  return values[order[order.length - 1]!]!;
}

/** The median of the values, the middle two averaged for an even count (as `numpy.median`). */
function plainMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The geometric mean of odds, with the mean log-odds scaled by `d`; 0 and 1 stay decisive. */
function geometricMeanOdds(probabilities: readonly number[], d: number): number {
  const zeros = probabilities.some((p) => p === 0);
  const ones = probabilities.some((p) => p === 1);
  if (zeros || ones) return zeros && ones ? 0.5 : zeros ? 0 : 1;
  const meanLogOdds = sum(probabilities.map((p) => Math.log(p / (1 - p)))) / probabilities.length;
  return 1 / (1 + Math.exp(-d * meanLogOdds));
}

/**
 * Combines probabilities by one of the aggregate methods (`AGGREGATE_METHODS` of the main entry point).
 *
 * @remarks
 * `probabilities` are ordered oldest forecast first (only `recency-weighted` uses the order).
 * Geometric means of odds: a member at exactly 0 or 1 makes the odds infinite; the result is then 0
 * or 1, or 0.5 when members sit at both 0 and 1.
 *
 * @param probabilities - one probability per member, oldest forecast first, non-empty
 * @param method - how to combine them
 * @param parameter - the extremizing factor d of `extremized-geometric-mean-odds`
 * @returns the combined probability
 * @throws LedgerError `validation_failed` when the list is empty, a value is outside [0, 1], or the
 *   extremized method has no positive parameter
 *
 * @example
 * ```ts
 * combineProbabilities([0.1, 0.2, 0.9], 'median'); //=> 0.2
 * combineProbabilities([0.2, 0.8], 'geometric-mean-odds'); //=> 0.5
 * ```
 */
export function combineProbabilities(probabilities: readonly number[], method: AggregateMethod, parameter?: number): number {
  const fn = 'combineProbabilities';
  assertNonEmptyArray(fn, 'probabilities', probabilities);
  probabilities.forEach((p, i) => assertProbability(fn, `probabilities[${i}]`, p));
  switch (method) {
    case 'median':
      return plainMedian(probabilities);
    case 'mean':
      return sum(probabilities) / probabilities.length;
    case 'geometric-mean-odds':
      return geometricMeanOdds(probabilities, 1);
    case 'extremized-geometric-mean-odds':
      if (parameter === undefined || !(parameter > 0) || !Number.isFinite(parameter))
        throw invalidInput(fn, 'parameter', 'a positive extremizing factor d', parameter);
      return geometricMeanOdds(probabilities, parameter);
    case 'recency-weighted':
      return weightedMedian(probabilities, recencyWeights(probabilities.length));
  }
}

/**
 * Combines numbers (numeric or date points as day counts) by a method that applies to them:
 * `median`, `mean` or `recency-weighted`; undefined for the odds-based methods.
 *
 * @internal
 */
export function combineValues(values: readonly number[], method: AggregateMethod): number | undefined {
  if (method === 'median') return plainMedian(values);
  if (method === 'mean') return sum(values) / values.length;
  if (method === 'recency-weighted') return weightedMedian(values, recencyWeights(values.length));
  return undefined;
}
