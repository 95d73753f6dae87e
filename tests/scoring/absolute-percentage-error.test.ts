import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolutePercentageError } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('absolutePercentageError', () => {
  it('returns |e − a| / |a| as a fraction', () => {
    // |105 − 100| / 100 = 0.05; |90 − 120| / 120 = 0.25; |−50 − (−40)| / 40 = 0.25
    expect(absolutePercentageError(105, 100)).toBe(0.05);
    expect(absolutePercentageError(90, 120)).toBe(0.25);
    expect(absolutePercentageError(-50, -40)).toBe(0.25);
  });

  it('punishes doubling more than halving (the asymmetry Tofallis 2015 criticises)', () => {
    // double: |200 − 100| / 100 = 1; half: |50 − 100| / 100 = 0.5
    expect(absolutePercentageError(200, 100)).toBe(1);
    expect(absolutePercentageError(50, 100)).toBe(0.5);
  });

  it('mirrors its @example', () => {
    expect(absolutePercentageError(105, 100)).toBe(0.05);
    expect(absolutePercentageError(90, 120)).toBe(0.25);
  });

  describe('against numpy (fixture)', () => {
    it.each(fixtureRows('absolutePercentageError'))('%s matches np.abs(e − a) / np.abs(a)', (_, c) => {
      expectClose(absolutePercentageError(c.estimate, c.actual), c.expected);
    });
  });

  describe('properties', () => {
    it('is non-negative and scale-free', () => {
      const value = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
      fc.assert(
        fc.property(value, value, fc.constantFrom(2, 1024, 0.5), (e, a, k) => {
          const ape = absolutePercentageError(e, a);
          return ape >= 0 && Math.abs(absolutePercentageError(k * e, k * a) - ape) <= 1e-15 * (1 + ape);
        }),
      );
    });
  });

  describe('edge cases', () => {
    it('throws for an actual value of 0, where a percentage is undefined', () => {
      const error = expectLedgerError(() => absolutePercentageError(1, 0));
      expect(error.message).toMatchInlineSnapshot(
        `"absolutePercentageError: expected actual ≠ 0, received 0; a percentage error of a zero outcome is undefined. Use absoluteError instead."`,
      );
      expectLedgerError(() => absolutePercentageError(0, -0));
    });
  });

  describe('invalid input', () => {
    it.each([Number.NaN, Number.NEGATIVE_INFINITY])('rejects %s', (v) => {
      expectLedgerError(() => absolutePercentageError(v, 1));
      expectLedgerError(() => absolutePercentageError(1, v));
    });
  });
});
