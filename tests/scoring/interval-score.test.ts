import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalScore, pinballLoss } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('intervalScore', () => {
  it('costs only the width when the outcome falls inside', () => {
    expect(intervalScore(10, 20, 15, 0.1)).toBe(10);
    expect(intervalScore(10, 20, 10, 0.1)).toBe(10);
    expect(intervalScore(10, 20, 20, 0.1)).toBe(10);
  });

  it('adds 2/α per unit of miss (Gneiting & Raftery 2007, eq. 43; hand-worked)', () => {
    // 90 % interval [10, 20], x = 25: 10 + (2/0.1)(25 − 20) = 10 + 100 = 110
    expect(intervalScore(10, 20, 25, 0.1)).toBe(110);
    // 50 % interval [10, 20], x = 8: 10 + (2/0.5)(10 − 8) = 10 + 8 = 18
    expect(intervalScore(10, 20, 8, 0.5)).toBe(18);
    // a point interval is just (2/α)|x − m|
    expect(intervalScore(5, 5, 6, 0.5)).toBe(4);
  });

  it('mirrors its @example', () => {
    expect(intervalScore(10, 20, 15, 0.1)).toBe(10);
    expect(intervalScore(10, 20, 25, 0.1)).toBe(110);
    expect(intervalScore(10, 20, 8, 0.5)).toBe(18);
  });

  describe('against numpy (fixture)', () => {
    it.each(fixtureRows('intervalScore'))('%s matches the formula in numpy', (_, c) => {
      expectClose(intervalScore(c.lower, c.upper, c.actual, c.alpha), c.expected);
    });
  });

  describe('properties', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const alpha = fc.double({ min: 1e-3, max: 0.999, noNaN: true });
    const interval = fc.tuple(value, value).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

    it('is at least the interval’s width', () => {
      fc.assert(fc.property(interval, value, alpha, ([l, u], x, a) => intervalScore(l, u, x, a) >= u - l));
    });

    it('equals (2/α) × the pinball losses of its two quantiles', () => {
      fc.assert(
        fc.property(interval, value, alpha, ([l, u], x, a) => {
          const viaPinball = (2 / a) * (pinballLoss(l, a / 2, x) + pinballLoss(u, 1 - a / 2, x));
          expectClose(intervalScore(l, u, x, a), viaPinball, 1e-9, 1e-9);
        }),
      );
    });
  });

  describe('invalid input', () => {
    it.each([0, 1, -0.1, 1.5, Number.NaN])('rejects alpha = %s', (a) => {
      const error = expectLedgerError(() => intervalScore(1, 2, 1.5, a));
      expect(error.message).toContain('intervalScore: expected alpha in the open interval (0, 1)');
    });

    it('rejects an interval whose lower end is above its upper end', () => {
      const error = expectLedgerError(() => intervalScore(3, 2, 2.5, 0.1));
      expect(error.message).toMatchInlineSnapshot(`"intervalScore: expected lower ≤ upper (2), received 3. Swap the two ends"`);
    });

    it('rejects non-finite ends or outcome', () => {
      expectLedgerError(() => intervalScore(Number.NaN, 2, 1, 0.1));
      expectLedgerError(() => intervalScore(1, Number.POSITIVE_INFINITY, 1, 0.1));
      expectLedgerError(() => intervalScore(1, 2, Number.NaN, 0.1));
    });
  });
});
