import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRIER_SCALES, brierScore, type BrierScale } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';
import { probability } from './_helpers/pairs.js';

describe('brierScore', () => {
  it('returns 0.25 for p = 0.5 whatever the outcome', () => {
    expect(brierScore(0.5, true)).toBe(0.25);
    expect(brierScore(0.5, false)).toBe(0.25);
  });

  it('returns 0 for a certain forecast that came true and 1 for one that did not', () => {
    expect(brierScore(1, true)).toBe(0);
    expect(brierScore(0, false)).toBe(0);
    expect(brierScore(1, false)).toBe(1);
    expect(brierScore(0, true)).toBe(1);
  });

  it('squares the distance between the probability and the outcome', () => {
    // (0.7 − 1)² = 0.3² = 0.09; (0.2 − 0)² = 0.04; (0.25 − 1)² = 0.5625 exactly
    expectClose(brierScore(0.7, true), 0.09);
    expectClose(brierScore(0.2, false), 0.04);
    expect(brierScore(0.25, true)).toBe(0.5625);
  });

  it('doubles the score on the 0–2 scale, the two-category sum of Good Judgment Open and Fatebook', () => {
    // yes: (0.7 − 1)² = 0.09, no: (0.3 − 0)² = 0.09 → 0.18 = 2 × 0.09
    expectClose(brierScore(0.7, true, { scale: '0-2' }), 0.18);
    expect(brierScore(0.5, false, { scale: '0-2' })).toBe(0.5);
    expect(brierScore(0, true, { scale: '0-2' })).toBe(2);
    expect(brierScore(0.7, true, { scale: '0-1' })).toBe(brierScore(0.7, true));
  });

  it('lists its scales as an as-const tuple', () => {
    expect(BRIER_SCALES).toEqual(['0-1', '0-2']);
  });

  it('mirrors its @example', () => {
    expect(brierScore(0.75, true)).toBe(0.0625);
    expect(brierScore(0.75, false)).toBe(0.5625);
    expect(brierScore(0.75, false, { scale: '0-2' })).toBe(1.125);
    expect(brierScore(0.5, true)).toBe(0.25);
  });

  describe('against scikit-learn (fixture)', () => {
    it.each(fixtureRows('brierScore'))('%s matches brier_score_loss', (_, c) => {
      expectClose(brierScore(c.probability, c.outcome, { scale: c.scale }), c.expected);
    });
  });

  describe('properties', () => {
    const distinct = fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .filter(([p, q]) => Math.abs(p - q) > 1e-6);

    it.each(BRIER_SCALES)('is strictly proper on the %s scale: stating the true probability q beats any other p', (scale) => {
      const s: BrierScale = scale;
      const expected = (p: number, q: number): number => q * brierScore(p, true, { scale: s }) + (1 - q) * brierScore(p, false, { scale: s });
      fc.assert(fc.property(distinct, ([p, q]) => expected(p, q) > expected(q, q)));
    });

    it('stays in [0, 1], and in [0, 2] on the 0–2 scale', () => {
      fc.assert(
        fc.property(probability, fc.boolean(), (p, o) => {
          const s = brierScore(p, o);
          const s2 = brierScore(p, o, { scale: '0-2' });
          return s >= 0 && s <= 1 && s2 >= 0 && s2 <= 2 && s2 === 2 * s;
        }),
      );
    });
  });

  describe('invalid input', () => {
    it('rejects a probability above 1 with a message naming the function and the value', () => {
      const error = expectLedgerError(() => brierScore(1.2, true));
      expect(error.message).toMatchInlineSnapshot(`"brierScore: expected probability in [0, 1], received 1.2"`);
      expect(error.details).toMatchObject({ function: 'brierScore', field: 'probability', received: 1.2 });
    });

    it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY, '0.5' as unknown as number])('rejects probability %s', (p) => {
      expectLedgerError(() => brierScore(p, true));
    });

    it('rejects an outcome that is not a boolean', () => {
      const error = expectLedgerError(() => brierScore(0.5, 1 as unknown as boolean));
      expect(error.message).toMatchInlineSnapshot(`"brierScore: expected outcome to be a boolean (true when the event happened), received 1"`);
    });

    it('rejects an unknown scale', () => {
      const error = expectLedgerError(() => brierScore(0.5, true, { scale: '0-100' as BrierScale }));
      expect(error.message).toMatchInlineSnapshot(`"brierScore: expected options.scale to be "0-1" or "0-2", received "0-100""`);
    });
  });
});
