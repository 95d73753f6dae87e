// fast-check arbitraries shared by the property tests of the binary scoring rules.
import fc from 'fast-check';
import type { ProbabilityOutcomePair } from '../../../src/scoring/rules.js';

/** A probability in [0, 1], edges and exact grid values included. */
export const probability = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 1));

/** One resolved binary forecast. */
export const pair: fc.Arbitrary<ProbabilityOutcomePair> = fc.record({ probability, outcome: fc.boolean() });

/** A non-empty list of resolved binary forecasts. */
export const pairs = fc.array(pair, { minLength: 1, maxLength: 60 });

/** A non-empty list of pairs plus a permutation of it. */
export const pairsAndShuffle = pairs.chain((ps) =>
  fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }).map((shuffled) => [ps, shuffled] as const),
);

/** A number of bins. */
export const bins = fc.integer({ min: 1, max: 25 });
