import { groupIntoBins } from './_internal/bins.js';
import { assertBins, assertPairs, readOptions } from './_internal/validate.js';
import type { ProbabilityOutcomePair } from './probability-outcome-pair.js';

/** Options of {@link calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** The number of equal-width bins over [0, 1]; an integer from 1 to 1,000,000. Default 10. */
  readonly bins?: number;
}

/** One non-empty bin of a {@link calibrationCurve}. */
export interface CalibrationBin {
  /** The bin's lower edge k/bins. */
  readonly lower: number;
  /** The bin's upper edge (k + 1)/bins. */
  readonly upper: number;
  /** How many pairs fell into the bin (≥ 1). */
  readonly count: number;
  /** The mean forecast probability of those pairs (x of a reliability diagram). */
  readonly meanProbability: number;
  /** The fraction of those pairs whose event happened (y of a reliability diagram). */
  readonly observedFrequency: number;
}

/**
 * The calibration (reliability) curve of probability forecasts: per probability bin, how often the
 * events happened compared with how likely they were said to be.
 *
 * @remarks
 * [0, 1] is cut into `bins` equal-width bins; bin k covers (k/bins, (k+1)/bins]. **A probability
 * exactly on an inner edge belongs to the lower bin**, p = 0 to the first bin and p = 1 to the last
 * ("exactly on an edge" = equal to the double `k / bins`, so `0.7` with 10 bins goes to
 * (0.6, 0.7]). One entry is returned per non-empty bin, in ascending order; counts sum to N.
 * Well-calibrated forecasts have `observedFrequency ≈ meanProbability` in every bin. There is no
 * better/worse direction; see {@link brierDecomposition} for the reliability term that summarises
 * the curve (lower is better).
 *
 * This reproduces scikit-learn's `calibration_curve(y_true, y_prob, n_bins=bins, strategy='uniform')`
 * (which returns only `prob_true` = observedFrequency and `prob_pred` = meanProbability). scikit-learn
 * bins with `np.searchsorted(bins[1:-1], y_prob)` (side `'left'`), which also puts edge values in the
 * lower bin; but its edges come from `np.linspace(0, 1, n + 1)`, computed as k·(1/n), which for some
 * bin counts is one ulp below `k / n` (e.g. n = 6, k = 5), so scikit-learn puts the probability
 * `5 / 6` in the top bin where this function, following its contract, puts it in the lower one. With
 * 10 bins, and for any probability written with two decimals and n ≤ 30, the two agree.
 *
 * Valid input: non-empty pairs as for {@link meanBrierScore}; `bins` an integer from 1 to 1,000,000.
 *
 * @param pairs - the forecasts and what happened, non-empty
 * @param options - `bins`: the number of equal-width bins, default 10
 * @returns one {@link CalibrationBin} per non-empty bin, by ascending probability
 * @throws LedgerError `validation_failed` when the pairs are invalid (see {@link meanBrierScore}) or
 *   `bins` is not an integer from 1 to 1,000,000
 *
 * @example
 * ```ts
 * // scikit-learn's calibration_curve docstring, n_bins=3:
 * // y_true [0, 0, 0, 0, 1, 1, 1, 1, 1], y_pred [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1]
 * const pairs = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1].map((probability, i) => ({ probability, outcome: i >= 4 }));
 * calibrationCurve(pairs, { bins: 3 }).map((b) => [b.count, b.observedFrequency]); //=> [[3, 0], [2, 0.5], [4, 1]]
 * calibrationCurve(pairs, { bins: 3 }).map((b) => b.meanProbability); //=> [0.2, 0.525, 0.85]
 * ```
 *
 * @see Murphy, A. H. (1973). A new vector partition of the probability score. Journal of Applied
 *   Meteorology 12(4):595–600.
 * @see Niculescu-Mizil, A. & Caruana, R. (2005). Predicting good probabilities with supervised
 *   learning. Proceedings of ICML 2005, 625–632.
 */
export function calibrationCurve(pairs: readonly ProbabilityOutcomePair[], options: CalibrationCurveOptions = {}): CalibrationBin[] {
  const { bins = 10 } = readOptions('calibrationCurve', options, ['bins']);
  assertPairs('calibrationCurve', pairs);
  assertBins('calibrationCurve', bins);
  return groupIntoBins(pairs, bins).map((group) => ({
    lower: group.index / bins,
    upper: (group.index + 1) / bins,
    count: group.pairs.length,
    meanProbability: group.meanProbability,
    observedFrequency: group.observedFrequency,
  }));
}
