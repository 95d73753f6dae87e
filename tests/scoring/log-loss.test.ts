import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_LOSS_EPSILON, logLoss } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';
import { probability } from './_helpers/pairs.js';

describe('logLoss', () => {
  it('returns ln 2 for p = 0.5 whatever the outcome', () => {
    expect(logLoss(0.5, true)).toBe(Math.LN2);
    expect(logLoss(0.5, false)).toBe(Math.LN2);
  });

  it('takes −ln of the probability given to what happened', () => {
    // happened: −ln 0.8 = 0.22314355131420976; did not: −ln(1 − 0.8) = −ln 0.2 = 1.6094379124341003
    expectClose(logLoss(0.8, true), 0.22314355131420976);
    expectClose(logLoss(0.8, false), 1.6094379124341003);
  });

  it('is the negative of the Metaculus log score (Scores FAQ tables)', () => {
    // "Score if outcome = Yes / No" for 99 % and 99.9 %: −0.01 / −4.6 and −0.001 / −6.9
    expect(-logLoss(0.99, true)).toBeCloseTo(-0.01, 2);
    expect(-logLoss(0.99, false)).toBeCloseTo(-4.6, 1);
    expect(-logLoss(0.999, true)).toBeCloseTo(-0.001, 3);
    expect(-logLoss(0.999, false)).toBeCloseTo(-6.9, 1);
    // Fair die, "will I roll a 6?": average log score over the six rolls, −0.54 for 5 %, −0.45 for 17 %
    const average = (p: number): number => -(5 * logLoss(p, false) + logLoss(p, true)) / 6;
    expect(average(0.05)).toBeCloseTo(-0.54, 2);
    expect(average(0.17)).toBeCloseTo(-0.45, 2);
    // The FAQ prints −0.37 per miss and −0.51 on average for 30 %; ln 0.7 = −0.357 and the average is
    // −0.498, so those two cells look like rounding slips in the FAQ, not a different formula.
    expect(-logLoss(0.3, false)).toBeCloseTo(-0.36, 2);
    expect(average(0.3)).toBeCloseTo(-0.5, 2);
  });

  it('reproduces the extremes of the Metaculus binary Baseline score 100·(1 − LL/ln 2)', () => {
    // FAQ: best possible +99.9 (99.9 % on what happened), worst −897 (0.1 % on what happened)
    const baseline = (p: number, o: boolean): number => 100 * (1 - logLoss(p, o) / Math.LN2);
    expect(baseline(0.999, true)).toBeCloseTo(99.9, 1);
    expect(Math.round(baseline(0.999, false))).toBe(-897);
  });

  it('clips the forecast to [1e-15, 1 − 1e-15] by default, scikit-learn’s historical eps', () => {
    expect(DEFAULT_LOG_LOSS_EPSILON).toBe(1e-15);
    expect(logLoss(0, true)).toBe(-Math.log(1e-15)); // 34.538776394910684
    expect(logLoss(0, false)).toBe(-Math.log(1 - 1e-15));
    // 1 − 1e-15 rounds to 0.999999999999999000799…, so a certain miss costs −ln(9.992007221626409e-16):
    // 34.53957599234088, scikit-learn's value too (it clips p, then takes 1 − p for the other class)
    expect(1 - (1 - 1e-15)).toBe(9.992007221626409e-16);
    expect(logLoss(1, false)).toBe(-Math.log(9.992007221626409e-16));
    expect(logLoss(1, true)).toBeGreaterThan(0);
    expect(logLoss(1, true)).toBeLessThan(1.2e-15);
  });

  it('uses options.epsilon as the clipping bound, and 0 disables clipping', () => {
    expect(logLoss(0, true, { epsilon: 0.01 })).toBe(-Math.log(0.01));
    expect(logLoss(0.5, true, { epsilon: 0.01 })).toBe(Math.LN2);
    expect(logLoss(0, true, { epsilon: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(logLoss(1, true, { epsilon: 0 }), 0)).toBe(true); // +0, not −0
    expect(logLoss(1, false, { epsilon: 2 ** -53 })).toBe(-Math.log(2 ** -53));
  });

  it('mirrors its @example', () => {
    expect(logLoss(0.5, true)).toBe(0.6931471805599453);
    expect(logLoss(0.8, true)).toBe(0.2231435513142097);
    expect(logLoss(0, true)).toBe(34.538776394910684);
    expect(logLoss(1, false)).toBe(34.53957599234088);
  });

  describe('against scikit-learn (fixture)', () => {
    it.each(fixtureRows('logLoss'))('%s matches log_loss(eps, labels=[0, 1])', (_, c) => {
      expectClose(logLoss(c.probability, c.outcome, { epsilon: c.epsilon }), c.expected);
    });
  });

  describe('properties', () => {
    const inner = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
    it('is strictly proper: stating the true probability q beats any other p', () => {
      const expected = (p: number, q: number): number => q * logLoss(p, true) + (1 - q) * logLoss(p, false);
      fc.assert(
        fc.property(
          fc.tuple(inner, inner).filter(([p, q]) => Math.abs(p - q) > 1e-6),
          ([p, q]) => expected(p, q) > expected(q, q),
        ),
      );
    });

    it('stays in [0, −ln(1 − (1 − ε))], which is −ln ε up to the rounding of 1 − ε', () => {
      fc.assert(
        fc.property(probability, fc.boolean(), fc.double({ min: 2 ** -53, max: 0.49, noNaN: true }), (p, o, epsilon) => {
          const s = logLoss(p, o, { epsilon });
          return s >= 0 && s <= Math.max(-Math.log(epsilon), -Math.log(1 - (1 - epsilon)));
        }),
      );
    });

    it('grows as the probability given to what happened shrinks', () => {
      fc.assert(
        fc.property(probability, probability, (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          return logLoss(lo, true) >= logLoss(hi, true) && logLoss(hi, false) >= logLoss(lo, false);
        }),
      );
    });
  });

  describe('invalid input', () => {
    it('rejects a probability outside [0, 1] with a message naming the function and the value', () => {
      const error = expectLedgerError(() => logLoss(-0.2, false));
      expect(error.message).toMatchInlineSnapshot(`"logLoss: expected probability in [0, 1], received -0.2"`);
    });

    it.each([Number.NaN, 1.0000001, Number.NEGATIVE_INFINITY])('rejects probability %s', (p) => {
      expectLedgerError(() => logLoss(p, true));
    });

    it('rejects an outcome that is not a boolean', () => {
      expectLedgerError(() => logLoss(0.5, 'yes' as unknown as boolean));
    });

    it.each([-1e-20, 1e-17, 0.5, 1, Number.NaN])('rejects epsilon %s', (epsilon) => {
      const error = expectLedgerError(() => logLoss(0.5, true, { epsilon }));
      expect(error.message).toContain('logLoss: expected options.epsilon to be 0 (no clipping) or in [2⁻⁵³, 0.5)');
    });
  });
});
