import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logLoss, meanLogLoss } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows, pairsOf } from './_helpers/fixture.js';
import { pairs, pairsAndShuffle } from './_helpers/pairs.js';

// scikit-learn's log_loss docstring: log_loss(["spam", "ham", "ham", "spam"],
// [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) → 0.21616... (columns: ham, spam; P(spam) below)
const sklearnDocstring = [
  { probability: 0.9, outcome: true },
  { probability: 0.1, outcome: false },
  { probability: 0.2, outcome: false },
  { probability: 0.65, outcome: true },
];

describe('meanLogLoss', () => {
  it('reproduces the log_loss docstring example of scikit-learn (0.21616...)', () => {
    // −(ln 0.9 + ln 0.9 + ln 0.8 + ln 0.65) / 4 = (0.10536 + 0.10536 + 0.22314 + 0.43078) / 4 = 0.21616
    expect(meanLogLoss(sklearnDocstring)).toBeCloseTo(0.21616, 5);
    expectClose(meanLogLoss(sklearnDocstring), -(2 * Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4);
  });

  it('returns ln 2 for forecasts of 0.5 whatever happened', () => {
    expect(
      meanLogLoss([
        { probability: 0.5, outcome: true },
        { probability: 0.5, outcome: false },
      ]),
    ).toBe(Math.LN2);
  });

  it('passes epsilon on to the clipping', () => {
    // a certain miss clipped at 0.01 costs −ln 0.01 = 4.605…; a 0.5 costs ln 2; mean of the two
    expectClose(
      meanLogLoss(
        [
          { probability: 0, outcome: true },
          { probability: 0.5, outcome: true },
        ],
        { epsilon: 0.01 },
      ),
      (-Math.log(0.01) + Math.LN2) / 2,
    );
  });

  it('mirrors its @example', () => {
    expect(meanLogLoss(sklearnDocstring)).toBe(0.21616187468057912);
  });

  describe('against scikit-learn (fixture)', () => {
    it.each(fixtureRows('pairSets', (s) => s.probabilities))('%s matches log_loss(eps=1e-15)', (_, s) => {
      expectClose(meanLogLoss(pairsOf(s)), s.meanLogLoss);
    });
  });

  describe('properties', () => {
    it('equals the mean of logLoss over the pairs and is ≥ 0', () => {
      fc.assert(
        fc.property(pairs, (ps) => {
          const mean = meanLogLoss(ps);
          const direct = ps.reduce((acc, p) => acc + logLoss(p.probability, p.outcome), 0) / ps.length;
          return mean >= 0 && Math.abs(mean - direct) <= 1e-12 * direct + 1e-15;
        }),
      );
    });

    it('does not depend on the order of the pairs', () => {
      fc.assert(fc.property(pairsAndShuffle, ([ps, shuffled]) => meanLogLoss(ps) === meanLogLoss(shuffled)));
    });
  });

  describe('invalid input', () => {
    it('rejects an empty list', () => {
      expectLedgerError(() => meanLogLoss([]));
    });

    it('names the offending pair', () => {
      const error = expectLedgerError(() => meanLogLoss([{ probability: Number.NaN, outcome: true }]));
      expect(error.message).toMatchInlineSnapshot(`"meanLogLoss: expected pairs[0].probability in [0, 1], received NaN"`);
    });

    it('rejects an invalid epsilon', () => {
      const error = expectLedgerError(() => meanLogLoss([{ probability: 0.5, outcome: true }], { epsilon: 0.7 }));
      expect(error.message).toContain('meanLogLoss: expected options.epsilon');
    });
  });
});
