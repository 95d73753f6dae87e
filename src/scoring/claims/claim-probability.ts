import type { Forecast } from '../../model/forecast.js';
import { assertObject, guardInput, invalidInput } from '../_internal/validate.js';

/** Where the probability of a binary claim came from, as an `as const` tuple. */
export const PROBABILITY_SOURCES = ['stated', 'implied'] as const;
/** `stated`: a number the forecaster gave; `implied`: read from their wording (`confidence.impliedProbability`). */
export type ProbabilitySource = (typeof PROBABILITY_SOURCES)[number];

/** The probability a binary claim is scored at, and where it came from. */
export interface ClaimProbability {
  /** The probability that the question resolves yes, in [0, 1]. */
  readonly probability: number;
  /** `stated` or `implied`. */
  readonly source: ProbabilitySource;
}

/**
 * The probability a binary claim is scored at: the stated probability, else the one its wording implies.
 *
 * @remarks
 * A pundit who says "copper will very likely top $12,000" gave no number; scoring them at 0.5 would
 * erase the claim and scoring them at 1 would punish a hedge they did make. The claim is scored at
 * the probability its wording implies on a documented scale (`confidence.impliedProbability`,
 * e.g. "very likely" = 0.9 on IPCC AR5), so calibration can still be checked. A stated
 * `estimate.probability` always wins over the wording.
 *
 * @param forecast - a binary forecast (`estimate.kind === 'binary'`)
 * @returns the probability and its source
 * @throws LedgerError `validation_failed` when the forecast is not binary or has neither a
 *   probability nor a confidence wording
 *
 * @example
 * ```ts
 * claimProbability({ estimate: { kind: 'binary', probability: 0.7 } }); //=> { probability: 0.7, source: 'stated' }
 * claimProbability({ estimate: { kind: 'binary' }, confidence: { wording: 'very likely', impliedProbability: 0.9, scale: 'ipcc-ar5' } });
 * //=> { probability: 0.9, source: 'implied' }
 * ```
 *
 * @see Mastrandrea, M. D. et al. (2010). Guidance note for lead authors of the IPCC Fifth Assessment
 *   Report on consistent treatment of uncertainties. IPCC.
 * @see Kent, S. (1964). Words of estimative probability. Studies in Intelligence 8(4):49–65.
 */
export function claimProbability(forecast: Pick<Forecast, 'estimate' | 'confidence'>): ClaimProbability {
  const expected = 'a forecast { estimate, confidence? }';
  assertObject('claimProbability', 'forecast', forecast, expected);
  return guardInput('claimProbability', 'forecast', expected, () => claimProbabilityOf(forecast));
}

/** {@link claimProbability} without the checks of the argument's shape (the per-claim path of scoring). @internal */
export function claimProbabilityOf(forecast: Pick<Forecast, 'estimate' | 'confidence'>): ClaimProbability {
  const { estimate, confidence } = forecast;
  if (estimate.kind !== 'binary') throw invalidInput('claimProbability', 'forecast.estimate.kind', 'to be "binary"', estimate.kind);
  if (estimate.probability !== undefined) return { probability: estimate.probability, source: 'stated' };
  if (confidence) return { probability: confidence.impliedProbability, source: 'implied' };
  throw invalidInput(
    'claimProbability',
    'forecast.estimate.probability',
    'to be a probability, or a confidence wording with its implied probability',
    undefined,
    'Add estimate.probability or confidence { wording, impliedProbability, scale }',
  );
}
