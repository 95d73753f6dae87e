import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logAccuracyRatio } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('logAccuracyRatio', () => {
  it('scores a doubled and a halved estimate alike: ln 2', () => {
    expect(logAccuracyRatio(200, 100)).toBe(Math.LN2);
    expect(logAccuracyRatio(50, 100)).toBe(Math.LN2);
  });

  it('returns |ln(e/a)| (hand-worked)', () => {
    // e/a = 110/100 = 1.1 → ln 1.1 = 0.09531017980432493; e/a = 1000 → ln 1000 = 6.907755278982137
    expectClose(logAccuracyRatio(110, 100), 0.09531017980432493);
    expectClose(logAccuracyRatio(1000, 1), 6.907755278982137);
    expect(logAccuracyRatio(3, 3)).toBe(0);
  });

  it('keeps full relative precision for near-exact estimates', () => {
    // ln(10.000000000001 / 10) = 1.000088900582291e-13 (mpmath, 40 digits; the double 10.000000000001
    // is 10 + 1.0000889e-12). A naive Math.log(e / a) gives 9.992007221625909e-14, 0.09 % off.
    expectClose(logAccuracyRatio(10.000000000001, 10), 1.000088900582291e-13, 1e-14, 0);
    expect(Math.abs(Math.log(10.000000000001 / 10) - 1.000088900582291e-13)).toBeGreaterThan(1e-17);
  });

  it('survives ratios that overflow a double', () => {
    // ln(1e300 / 1e-300) = 600 ln 10 = 1381.551055796427
    expectClose(logAccuracyRatio(1e300, 1e-300), 1381.551055796427);
  });

  it('mirrors its @example', () => {
    expect(logAccuracyRatio(200, 100)).toBe(0.6931471805599453);
    expect(logAccuracyRatio(50, 100)).toBe(0.6931471805599453);
    expect(logAccuracyRatio(100, 100)).toBe(0);
  });

  describe('against mpmath (fixture)', () => {
    it.each(fixtureRows('logAccuracyRatio'))('%s matches |ln(e/a)| at 40 digits', (_, c) => {
      expectClose(logAccuracyRatio(c.estimate, c.actual), c.expected, 1e-12, 0);
    });
  });

  describe('properties', () => {
    const positive = fc.double({ min: 1e-100, max: 1e100, noNaN: true });
    it('is symmetric in over- and under-estimation by the same factor', () => {
      fc.assert(
        fc.property(positive, positive, (e, a) => {
          const lar = logAccuracyRatio(e, a);
          return lar >= 0 && Math.abs(lar - logAccuracyRatio(a, e)) <= 1e-13 * lar + 1e-300;
        }),
      );
    });
  });

  describe('invalid input', () => {
    it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s, which has no logarithm ratio', (v) => {
      const error = expectLedgerError(() => logAccuracyRatio(v, 1));
      expect(error.message).toContain('logAccuracyRatio: expected estimate to be a finite number > 0');
      expectLedgerError(() => logAccuracyRatio(1, v));
    });
  });
});
