import { LedgerError } from '../errors.js';
import { meanOf } from './_internal/sum.js';
import { assertPairs, assertProbability, assertReadable, invalidInput } from './_internal/validate.js';
import { meanBrierScore } from './mean-brier-score.js';
import type { ProbabilityOutcomePair } from './probability-outcome-pair.js';

/**
 * What {@link brierSkillScore} compares against: one constant probability for every pair, or one
 * reference probability per pair (same order and length as the pairs).
 */
export type BrierSkillScoreReference = number | readonly number[];

/**
 * The Brier skill score: the fraction of a reference forecast's Brier score that the forecasts remove.
 *
 * @remarks
 * BSS = 1 − BS / BS_ref, where BS is the mean Brier score of the pairs and BS_ref that of the
 * reference forecast on the same outcomes. **Higher is better**: 1 is perfect, 0 is no better than
 * the reference, negative is worse; range (−∞, 1].
 *
 * The default reference is climatology: the base rate ō (the fraction of pairs whose event happened)
 * forecast for every pair, whose Brier score is ō(1 − ō), the uncertainty term of
 * {@link brierDecomposition}. A number is a constant reference probability (e.g. 0.5); an array gives
 * one reference probability per pair.
 *
 * When BS_ref = 0 the score is undefined (a division by zero), and this function throws rather than
 * return ±∞ or NaN. With the default reference that happens when every outcome is the same (ō is 0
 * or 1); with a given reference, when the reference was perfect.
 *
 * Valid input: non-empty pairs as for {@link meanBrierScore}; a reference number in [0, 1], or an
 * array of the same length with every entry in [0, 1].
 *
 * @param pairs - the forecasts and what happened, non-empty
 * @param reference - a constant reference probability or one per pair; default: the base rate of `pairs`
 * @returns the skill score, in (−∞, 1]; higher is better
 * @throws LedgerError `validation_failed` when the pairs are invalid (see {@link meanBrierScore}),
 *   the reference is not a probability, an array reference has the wrong length, or the reference's
 *   Brier score is 0 (`details.referenceBrierScore` is 0)
 *
 * @example
 * ```ts
 * const pairs = [
 *   { probability: 0.75, outcome: true },
 *   { probability: 0.25, outcome: false },
 * ];
 * // BS = 0.0625; climatology ō = 0.5 scores 0.25; 1 − 0.0625 / 0.25
 * brierSkillScore(pairs); //=> 0.75
 * // reference: always 0.75 → BS_ref = (0.0625 + 0.5625) / 2 = 0.3125
 * brierSkillScore(pairs, 0.75); //=> 0.8
 * ```
 *
 * @see Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
 *   Monthly Weather Review 78(1):1–3.
 * @see Murphy, A. H. (1973). A new vector partition of the probability score. Journal of Applied
 *   Meteorology 12(4):595–600.
 */
export function brierSkillScore(pairs: readonly ProbabilityOutcomePair[], reference?: BrierSkillScoreReference): number {
  const fn = 'brierSkillScore';
  assertPairs(fn, pairs);
  const brier = meanBrierScore(pairs);
  let referenceBrier: number;
  if (reference === undefined) {
    const baseRate = pairs.filter((p) => p.outcome).length / pairs.length;
    referenceBrier = baseRate * (1 - baseRate);
  } else if (Array.isArray(reference)) {
    assertReadable(fn, 'reference', reference);
    if (reference.length !== pairs.length) {
      throw invalidInput(fn, 'reference', `to have one probability per pair (${pairs.length})`, reference);
    }
    reference.forEach((r, i) => assertProbability(fn, `reference[${i}]`, r));
    referenceBrier = meanOf(pairs, (pair, i) => (reference[i]! - (pair.outcome ? 1 : 0)) ** 2);
  } else {
    assertProbability(fn, 'reference', reference);
    referenceBrier = meanOf(pairs, (pair) => (reference - (pair.outcome ? 1 : 0)) ** 2);
  }
  if (referenceBrier === 0) {
    throw new LedgerError(
      'validation_failed',
      `${fn}: expected a reference forecast with a Brier score > 0, received one that scores 0 ` +
        (reference === undefined ? '(every outcome is the same, so the base rate forecasts them perfectly)' : '(the reference forecast is perfect)') +
        '; skill relative to it is undefined. Compare mean Brier scores instead, or pass another reference.',
      { details: { function: fn, referenceBrierScore: 0, brierScore: brier } },
    );
  }
  return 1 - brier / referenceBrier;
}
