import { groupIntoBins } from './_internal/bins.js';
import { sum } from './_internal/sum.js';
import { assertBins, assertPairs, readOptions } from './_internal/validate.js';
import { meanBrierScore } from './mean-brier-score.js';
import type { ProbabilityOutcomePair } from './probability-outcome-pair.js';

/** Options of {@link brierDecomposition}. */
export interface BrierDecompositionOptions {
  /** The number of equal-width bins over [0, 1], binned as in {@link calibrationCurve}; default 10. */
  readonly bins?: number;
}

/** The parts of a mean Brier score returned by {@link brierDecomposition}. */
export interface BrierDecomposition {
  /** The exact mean Brier score (1/N) Σ (pᵢ − oᵢ)², as {@link meanBrierScore}. Lower is better. */
  readonly brier: number;
  /** Σₖ nₖ(p̄ₖ − ōₖ)² / N: how far each bin's mean forecast is from its observed frequency. Lower is better. */
  readonly reliability: number;
  /** Σₖ nₖ(ōₖ − ō)² / N: how far the bins' observed frequencies spread from the base rate. Higher is better. */
  readonly resolution: number;
  /** ō(1 − ō): the Brier score of always forecasting the base rate; a property of the outcomes alone. */
  readonly uncertainty: number;
  /**
   * (1/N) Σₖ Σ_{i∈k} (pᵢ − p̄ₖ)²: within-bin variance of the forecasts (Stephenson et al. 2008),
   * 0 when every forecast in a bin is the same.
   */
  readonly withinBinVariance: number;
  /**
   * (2/N) Σₖ Σ_{i∈k} (pᵢ − p̄ₖ)(oᵢ − ōₖ): within-bin covariance of forecasts and outcomes
   * (Stephenson et al. 2008), 0 when every forecast in a bin is the same.
   */
  readonly withinBinCovariance: number;
}

/**
 * Murphy's (1973) decomposition of the mean Brier score into reliability, resolution and uncertainty.
 *
 * @remarks
 * With the pairs grouped into `bins` equal-width probability bins exactly as in
 * {@link calibrationCurve} (bin k holds nₖ pairs with mean forecast p̄ₖ and observed frequency ōₖ;
 * ō is the overall base rate and N the number of pairs):
 *
 * - reliability REL = Σₖ nₖ(p̄ₖ − ōₖ)² / N (lower is better; 0 = perfectly calibrated bins)
 * - resolution RES = Σₖ nₖ(ōₖ − ō)² / N (higher is better)
 * - uncertainty UNC = ō(1 − ō) (independent of the forecasts)
 * - brier = (1/N) Σᵢ (pᵢ − oᵢ)², the exact mean Brier score (lower is better)
 *
 * **brier equals REL − RES + UNC exactly only when all forecasts within each bin are equal** (e.g.
 * forecasts restricted to the bin centres, or one bin per distinct forecast). Otherwise binning drops
 * two terms, and the exact identity is (Stephenson, Coelho & Jolliffe 2008)
 *
 *   brier = REL − RES + UNC + WBV − WBC,
 *
 * with the within-bin variance WBV = (1/N) Σₖ Σ_{i∈k} (pᵢ − p̄ₖ)² and the within-bin covariance
 * WBC = (2/N) Σₖ Σ_{i∈k} (pᵢ − p̄ₖ)(oᵢ − ōₖ), both returned here. Since every forecast in a bin of
 * width w = 1/bins lies within w of the others, WBV ≤ w²/4, and by Cauchy–Schwarz
 * |WBC| ≤ 2·√(WBV·(UNC − RES)) ≤ w/2, so
 *
 *   |brier − (REL − RES + UNC)| = |WBV − WBC| ≤ w/2 + w²/4  (≤ 0.0525 for 10 bins).
 *
 * In practice the gap is far smaller. For forecasts with some discrimination WBC tends to be positive
 * and to outweigh WBV, so REL − RES + UNC slightly overestimates brier, as in Stephenson et al.'s
 * example. They call RES − WBV + WBC the generalised resolution.
 *
 * Valid input: non-empty pairs as for {@link meanBrierScore}; `bins` an integer from 1 to 1,000,000.
 *
 * @param pairs - the forecasts and what happened, non-empty
 * @param options - `bins`: the number of equal-width bins, default 10
 * @returns the components; see {@link BrierDecomposition}
 * @throws LedgerError `validation_failed` when the pairs are invalid (see {@link meanBrierScore}) or
 *   `bins` is not an integer from 1 to 1,000,000
 *
 * @example
 * ```ts
 * // 4 forecasts of 0.25 (1 of 4 happened) and 4 of 0.75 (3 of 4 happened): perfectly calibrated
 * const pairs = [0, 0, 0, 1, 1, 1, 1, 0].map((o, i) => ({ probability: i < 4 ? 0.25 : 0.75, outcome: o === 1 }));
 * brierDecomposition(pairs);
 * //=> { brier: 0.1875, reliability: 0, resolution: 0.0625, uncertainty: 0.25, withinBinVariance: 0, withinBinCovariance: 0 }
 * ```
 *
 * @see Murphy, A. H. (1973). A new vector partition of the probability score. Journal of Applied
 *   Meteorology 12(4):595–600.
 * @see Stephenson, D. B., Coelho, C. A. S. & Jolliffe, I. T. (2008). Two extra components in the
 *   Brier score decomposition. Weather and Forecasting 23(4):752–757.
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
 *   Monthly Weather Review 78(1):1–3.
 */
export function brierDecomposition(pairs: readonly ProbabilityOutcomePair[], options: BrierDecompositionOptions = {}): BrierDecomposition {
  const { bins = 10 } = readOptions('brierDecomposition', options, ['bins']);
  assertPairs('brierDecomposition', pairs);
  assertBins('brierDecomposition', bins);
  const n = pairs.length;
  const baseRate = pairs.filter((p) => p.outcome).length / n;
  const groups = groupIntoBins(pairs, bins);
  const perBin = (f: (g: (typeof groups)[number]) => number): number => sum(groups.map(f)) / n;
  const within = (g: (typeof groups)[number], f: (dp: number, dO: number) => number): number =>
    sum(g.pairs.map((p) => f(p.probability - g.meanProbability, (p.outcome ? 1 : 0) - g.observedFrequency)));
  return {
    brier: meanBrierScore(pairs),
    reliability: perBin((g) => g.pairs.length * (g.meanProbability - g.observedFrequency) ** 2),
    resolution: perBin((g) => g.pairs.length * (g.observedFrequency - baseRate) ** 2),
    uncertainty: baseRate * (1 - baseRate),
    withinBinVariance: perBin((g) => within(g, (dp) => dp * dp)),
    withinBinCovariance: 2 * perBin((g) => within(g, (dp, dO) => dp * dO)),
  };
}
