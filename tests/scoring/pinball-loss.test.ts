import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteError, pinballLoss } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('pinballLoss', () => {
  it('charges τ per unit when the outcome lands above the quantile and 1 − τ below', () => {
    // τ = 0.75, q = 10: x = 14 → 0.75 × 4 = 3; x = 6 → 0.25 × 4 = 1
    expect(pinballLoss(10, 0.75, 14)).toBe(3);
    expect(pinballLoss(10, 0.75, 6)).toBe(1);
    expect(pinballLoss(10, 0.75, 10)).toBe(0);
  });

  it('is half the absolute error at the median (τ = 0.5)', () => {
    expect(pinballLoss(3, 0.5, 10)).toBe(absoluteError(3, 10) / 2);
  });

  it('mirrors its @example', () => {
    expect(pinballLoss(10, 0.75, 14)).toBe(3);
    expect(pinballLoss(10, 0.75, 6)).toBe(1);
  });

  describe('against numpy (fixture)', () => {
    it.each(fixtureRows('pinballLoss'))('%s matches np.where(x ≥ q, τ(x − q), (1 − τ)(q − x))', (_, c) => {
      expectClose(pinballLoss(c.quantileValue, c.tau, c.actual), c.expected);
    });
  });

  describe('properties', () => {
    const tau = fc.double({ min: 0.01, max: 0.99, noNaN: true });
    it('is proper for the τ-quantile: over a sample, the empirical τ-quantile has the least total loss', () => {
      const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 30 });
      fc.assert(
        fc.property(sample, tau, fc.integer({ min: -60, max: 60 }), (xs, t, other) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const q = sorted[Math.max(0, Math.ceil(t * sorted.length) - 1)]!; // a τ-quantile of the sample
          const total = (c: number): number => xs.reduce((acc, x) => acc + pinballLoss(c, t, x), 0);
          return total(q) <= total(other) + 1e-9;
        }),
      );
    });

    it('is non-negative', () => {
      const v = fc.double({ min: -1e9, max: 1e9, noNaN: true });
      fc.assert(fc.property(v, tau, v, (q, t, x) => pinballLoss(q, t, x) >= 0));
    });
  });

  describe('invalid input', () => {
    it.each([0, 1, -0.5, Number.NaN])('rejects tau = %s', (t) => {
      const error = expectLedgerError(() => pinballLoss(1, t, 2));
      expect(error.message).toContain('pinballLoss: expected tau in the open interval (0, 1)');
    });

    it('rejects non-finite values', () => {
      expectLedgerError(() => pinballLoss(Number.NaN, 0.5, 1));
      expectLedgerError(() => pinballLoss(1, 0.5, Number.NEGATIVE_INFINITY));
    });
  });
});
