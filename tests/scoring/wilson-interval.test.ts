import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('wilsonInterval', () => {
  it.each([
    // Newcombe (1998), Statistics in Medicine 17:857–872, method 3 (score interval without continuity correction)
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('reproduces Newcombe’s published 95 %% interval for %i/%i', (k, n, lower, upper) => {
    const ci = wilsonInterval(k, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
    expect(ci.estimate).toBe(k / n);
  });

  it('uses z = 1.959963984540054 for 95 % (hand-worked for 5 of 10)', () => {
    // p̂ = 0.5, z² = 3.841458820694124, n = 10: centre = (0.5 + z²/20)/(1 + z²/10) = 0.5;
    // half-width = z/(1 + z²/10) · √(0.025 + z²/400) = 0.2659…
    const z = 1.959963984540054;
    const half = (z / (1 + (z * z) / 10)) * Math.sqrt(0.025 + (z * z) / 400);
    const ci = wilsonInterval(5, 10);
    expectClose(ci.lower, 0.5 - half, 1e-15);
    expectClose(ci.upper, 0.5 + half, 1e-15);
  });

  it('is exactly 0 below when nothing succeeded and exactly 1 above when everything did', () => {
    expect(wilsonInterval(0, 7).lower).toBe(0);
    expect(wilsonInterval(7, 7).upper).toBe(1);
    expect(wilsonInterval(0, 1)).toMatchObject({ lower: 0, estimate: 0 });
  });

  it('mirrors its @example', () => {
    expect(wilsonInterval(81, 263)).toEqual({ lower: 0.2552885198782742, upper: 0.36620957698280004, estimate: 0.30798479087452474 });
    expect(wilsonInterval(0, 20).upper).toBe(0.16112515805281938);
  });

  describe('against the formula with scipy’s norm.ppf (fixture)', () => {
    it.each(fixtureRows('wilsonInterval'))('%s matches', (_, c) => {
      const ci = wilsonInterval(c.successes, c.n, { confidence: c.confidence });
      expectClose(ci.lower, c.lower, 1e-12, 1e-15);
      expectClose(ci.upper, c.upper, 1e-12, 1e-15);
      expect(ci.estimate).toBe(c.estimate);
    });
  });

  describe('properties', () => {
    const counts = fc.integer({ min: 1, max: 10_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });

    it('contains the estimate and stays in [0, 1]', () => {
      fc.assert(
        fc.property(counts, confidence, ([k, n], c) => {
          const ci = wilsonInterval(k, n, { confidence: c });
          return ci.lower >= 0 && ci.lower <= ci.estimate && ci.estimate <= ci.upper && ci.upper <= 1;
        }),
      );
    });

    it('mirrors failures: lower(k, n) = 1 − upper(n − k, n)', () => {
      fc.assert(
        fc.property(counts, ([k, n]) => {
          expectClose(wilsonInterval(k, n).lower, 1 - wilsonInterval(n - k, n).upper, 1e-12, 1e-15);
        }),
      );
    });

    it('widens with the confidence level', () => {
      fc.assert(
        fc.property(counts, ([k, n]) => {
          const [a, b] = [wilsonInterval(k, n, { confidence: 0.8 }), wilsonInterval(k, n, { confidence: 0.99 })];
          return b.lower <= a.lower && b.upper >= a.upper;
        }),
      );
    });
  });

  describe('invalid input', () => {
    it('rejects more successes than trials', () => {
      const error = expectLedgerError(() => wilsonInterval(5, 4));
      expect(error.message).toMatchInlineSnapshot(`"wilsonInterval: expected successes ≤ n (4), received 5"`);
    });

    it.each([
      [1, 0],
      [-1, 5],
      [1.5, 5],
      [1, 2.5],
      [Number.NaN, 5],
    ])('rejects %s successes of %s trials', (k, n) => {
      expectLedgerError(() => wilsonInterval(k, n));
    });

    it.each([0, 1, 95, Number.NaN])('rejects confidence %s', (c) => {
      const error = expectLedgerError(() => wilsonInterval(1, 2, { confidence: c }));
      expect(error.message).toContain('wilsonInterval: expected options.confidence in the open interval (0, 1)');
    });
  });
});
