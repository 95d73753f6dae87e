/**
 * Equal-width probability bins shared by {@link calibrationCurve} and {@link brierDecomposition}.
 *
 * @internal
 * @module
 */
import type { ProbabilityOutcomePair } from '../probability-outcome-pair.js';
import { sum } from './sum.js';

/**
 * The 0-based bin of probability `p` among `bins` equal-width bins of [0, 1].
 *
 * @remarks
 * Bin k covers (k/bins, (k+1)/bins]; the first bin also takes p = 0. So a probability exactly on an
 * inner edge belongs to the lower bin, p = 0 to the first bin and p = 1 to the last. "Exactly on an
 * edge" means equal to the double nearest k/bins (what `k / bins` evaluates to), so `0.7` with 10
 * bins and `5 / 6` with 6 bins are both edge values.
 *
 * @internal
 */
export function binIndex(p: number, bins: number): number {
  let k = Math.min(bins - 1, Math.max(0, Math.ceil(p * bins) - 1));
  // p * bins is rounded, so the candidate can be one off near an edge: settle it against k / bins.
  while (k > 0 && p <= k / bins) k--;
  while (k < bins - 1 && p > (k + 1) / bins) k++;
  return k;
}

/** The pairs that fell into one non-empty bin. @internal */
export interface BinGroup {
  /** 0-based bin index. */
  readonly index: number;
  /** The pairs in the bin, in input order. */
  readonly pairs: readonly ProbabilityOutcomePair[];
  /** Mean forecast probability p̄ₖ of the bin. */
  readonly meanProbability: number;
  /** Fraction of the bin's pairs whose outcome was `true` (ōₖ). */
  readonly observedFrequency: number;
}

/**
 * The mean of a non-empty list as min + mean(xᵢ − min): order-independent, and exactly the common
 * value when all are equal (a plain sum / n can be one ulp off, e.g. three 0.35s), which keeps the
 * within-bin terms of {@link brierDecomposition} exactly 0 in that case.
 */
function meanFromMinimum(values: readonly number[]): number {
  const min = values.reduce((a, b) => (b < a ? b : a)); // not Math.min(...values): large bins overflow the stack
  return min + sum(values.map((v) => v - min)) / values.length;
}

/**
 * Groups pairs into equal-width bins and returns the non-empty ones in ascending bin order.
 *
 * @internal
 */
export function groupIntoBins(pairs: readonly ProbabilityOutcomePair[], bins: number): BinGroup[] {
  const groups = new Map<number, ProbabilityOutcomePair[]>();
  for (const pair of pairs) {
    const k = binIndex(pair.probability, bins);
    const group = groups.get(k);
    if (group) group.push(pair);
    else groups.set(k, [pair]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, members]) => ({
      index,
      pairs: members,
      meanProbability: meanFromMinimum(members.map((p) => p.probability)),
      observedFrequency: members.filter((p) => p.outcome).length / members.length,
    }));
}
