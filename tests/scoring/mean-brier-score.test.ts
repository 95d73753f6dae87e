import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brierScore, meanBrierScore } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows, pairsOf } from './_helpers/fixture.js';
import { pairs, pairsAndShuffle } from './_helpers/pairs.js';

const sklearnDocstring = [
  { probability: 0.1, outcome: false },
  { probability: 0.9, outcome: true },
  { probability: 0.8, outcome: true },
  { probability: 0.3, outcome: false },
];

describe('meanBrierScore', () => {
  it('reproduces the brier_score_loss docstring example of scikit-learn (0.037...)', () => {
    // (0.1² + 0.1² + 0.2² + 0.3²) / 4 = (0.01 + 0.01 + 0.04 + 0.09) / 4 = 0.15 / 4 = 0.0375
    expectClose(meanBrierScore(sklearnDocstring), 0.0375);
  });

  it('returns 0.25 for forecasts of 0.5 whatever happened', () => {
    expect(
      meanBrierScore([
        { probability: 0.5, outcome: true },
        { probability: 0.5, outcome: false },
      ]),
    ).toBe(0.25);
  });

  it('averages the single-forecast scores (hand-worked)', () => {
    // (0.75 − 1)² = 0.0625 and (0.5 − 0)² = 0.25 → 0.3125 / 2 = 0.15625
    expect(
      meanBrierScore([
        { probability: 0.75, outcome: true },
        { probability: 0.5, outcome: false },
      ]),
    ).toBe(0.15625);
  });

  it('doubles on the 0–2 scale', () => {
    expectClose(meanBrierScore(sklearnDocstring, { scale: '0-2' }), 0.075);
  });

  it('mirrors its @example', () => {
    expect(meanBrierScore(sklearnDocstring)).toBe(0.03749999999999999);
  });

  describe('against scikit-learn (fixture)', () => {
    it.each(fixtureRows('pairSets', (s) => s.probabilities))('%s matches brier_score_loss', (_, s) => {
      expectClose(meanBrierScore(pairsOf(s)), s.meanBrierScore);
    });
  });

  describe('properties', () => {
    it('equals the mean of brierScore over the pairs and stays in [0, 1]', () => {
      fc.assert(
        fc.property(pairs, (ps) => {
          const mean = meanBrierScore(ps);
          const direct = ps.reduce((acc, p) => acc + brierScore(p.probability, p.outcome), 0) / ps.length;
          return mean >= 0 && mean <= 1 && Math.abs(mean - direct) <= 1e-15;
        }),
      );
    });

    it('does not depend on the order of the pairs', () => {
      fc.assert(fc.property(pairsAndShuffle, ([ps, shuffled]) => meanBrierScore(ps) === meanBrierScore(shuffled)));
    });
  });

  describe('invalid input', () => {
    it('rejects an empty list', () => {
      const error = expectLedgerError(() => meanBrierScore([]));
      expect(error.message).toMatchInlineSnapshot(`"meanBrierScore: expected pairs to be a non-empty array, received an array of length 0"`);
    });

    it('names the offending pair', () => {
      const error = expectLedgerError(() =>
        meanBrierScore([
          { probability: 0.2, outcome: true },
          { probability: 1.2, outcome: false },
        ]),
      );
      expect(error.message).toMatchInlineSnapshot(`"meanBrierScore: expected pairs[1].probability in [0, 1], received 1.2"`);
      expect(error.details).toMatchObject({ field: 'pairs[1].probability' });
    });

    it('rejects non-boolean outcomes, non-objects and non-arrays', () => {
      expectLedgerError(() => meanBrierScore([{ probability: 0.2, outcome: 0 as unknown as boolean }]));
      expectLedgerError(() => meanBrierScore([null as never]));
      expectLedgerError(() => meanBrierScore('0.2' as never));
    });
  });
});
