import { sum } from './_internal/sum.js';
import { assertFinite, assertReadable, guardInput, invalidInput } from './_internal/validate.js';

function assertScores(fn: string, field: string, values: unknown): asserts values is readonly number[] {
  if (!guardInput(fn, field, 'an array of scores', () => Array.isArray(values) && values.length >= 2)) {
    throw invalidInput(
      fn,
      field,
      'to be an array of at least 2 scores (one per forecaster on the question)',
      values,
      'Relative scores need at least two forecasters',
    );
  }
  assertReadable(fn, field, values as readonly unknown[]);
  (values as readonly unknown[]).forEach((v, i) => assertFinite(fn, `${field}[${i}]`, v));
}

/**
 * Metaculus-style peer scores of the forecasters on one question: each one's log score against the
 * mean of the others', × 100.
 *
 * @remarks
 * With Lᵢ = forecaster i's log score ln p(outcome) on the question (time-weighted over their standing
 * forecasts in a scorecard) and k ≥ 2 forecasters,
 *
 *   peerᵢ = 100 · (Lᵢ − (1/(k − 1)) Σ_{j≠i} Lⱼ).
 *
 * **Higher is better**; 0 means as good as the average of the others. The peer scores of a question
 * always sum to 0. Metaculus uses the natural log and the factor 100, as here; it compares
 * forecasts instant by instant over the question's life, while the ledger compares each forecaster's
 * time-weighted log score over the question (see docs/scoring.md).
 *
 * @param logScores - one log score ln p(outcome) per forecaster (≤ 0 for probabilities), at least two
 * @returns the peer scores, in the same order
 * @throws LedgerError `validation_failed` with fewer than two scores or a score that is not finite
 *
 * @example
 * ```ts
 * // Metaculus's example: log scores −1, 1 and 2 → peer (−2.5, 0.5, 2) × 100
 * peerScores([-1, 1, 2]); //=> [-250, 50, 200]
 * ```
 *
 * @see Metaculus, Scores FAQ, "What is the Peer score?" https://www.metaculus.com/help/scores-faq/#peer-score
 * @see Gneiting, T. & Raftery, A. E. (2007). Strictly proper scoring rules, prediction, and
 *   estimation. JASA 102(477):359–378 (the logarithmic score).
 */
export function peerScores(logScores: readonly number[]): number[] {
  assertScores('peerScores', 'logScores', logScores);
  const total = sum(logScores);
  const k = logScores.length;
  return logScores.map((l) => 100 * (l - (total - l) / (k - 1)));
}

/**
 * Fatebook-style relative Brier scores of the forecasters on one question: each one's Brier score
 * minus the median Brier score of the others.
 *
 * @remarks
 * relᵢ = Bᵢ − median_{j≠i} Bⱼ, for k ≥ 2 forecasters (B time-weighted over each one's standing
 * forecasts in a scorecard). **Lower is better**: negative means better than the typical other
 * forecaster on the same question, so hard questions, which everyone gets wrong, do not count
 * against anyone. The median (not the mean) keeps one wild forecaster from moving everyone's score.
 * Fatebook's implementation takes the median over everyone, the forecaster included; excluding
 * them, as here, makes two forecasters' scores exact opposites (B₁ − B₂ and B₂ − B₁). O(k log k).
 *
 * @param briers - one Brier score per forecaster, at least two
 * @returns the relative Brier scores, in the same order
 * @throws LedgerError `validation_failed` with fewer than two scores or a score that is not finite
 *
 * @example
 * ```ts
 * relativeBrierScores([0.25, 0.5, 1]); //=> [-0.5, -0.125, 0.625]
 * ```
 *
 * @see Fatebook, relative Brier score (Sage Future) https://fatebook.io
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
 *   Weather Review 78(1):1–3.
 */
export function relativeBrierScores(briers: readonly number[]): number[] {
  assertScores('relativeBrierScores', 'briers', briers);
  const sorted = Float64Array.from(briers).sort();
  const others = sorted.length - 1;
  return briers.map((b) => {
    // Remove one copy of b from the sorted scores (which copy does not matter): the j-th smallest
    // of the others is sorted[j] below b's rank and sorted[j + 1] from it on.
    const rank = lowerBound(sorted, b);
    const at = (j: number): number => sorted[j < rank ? j : j + 1]!;
    const median = others % 2 === 1 ? at((others - 1) / 2) : (at(others / 2 - 1) + at(others / 2)) / 2;
    return b - median;
  });
}

/** The first index of `sorted` holding a value ≥ `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
