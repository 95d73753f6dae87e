import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteError } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('absoluteError', () => {
  it('returns the distance between estimate and actual in the quantity’s units', () => {
    // |105 − 100| = 5; |−2.5 − 1| = 3.5; |7 − 7| = 0
    expect(absoluteError(105, 100)).toBe(5);
    expect(absoluteError(95, 100)).toBe(5);
    expect(absoluteError(-2.5, 1)).toBe(3.5);
    expect(absoluteError(7, 7)).toBe(0);
  });

  it('mirrors its @example', () => {
    expect(absoluteError(105, 100)).toBe(5);
    expect(absoluteError(-2.5, 1)).toBe(3.5);
  });

  describe('against numpy (fixture)', () => {
    it.each(fixtureRows('absoluteError'))('%s matches np.abs(e − a)', (_, c) => {
      expectClose(absoluteError(c.estimate, c.actual), c.expected);
    });
  });

  describe('properties', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
    it('is symmetric, non-negative and 0 only for an exact estimate', () => {
      fc.assert(
        fc.property(finite, finite, (e, a) => {
          const ae = absoluteError(e, a);
          return ae === absoluteError(a, e) && ae >= 0 && (ae === 0) === (e === a);
        }),
      );
    });
  });

  describe('invalid input', () => {
    it.each([Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number])('rejects %s', (v) => {
      expectLedgerError(() => absoluteError(v, 1));
      const error = expectLedgerError(() => absoluteError(1, v));
      expect(error.message).toContain('absoluteError: expected actual to be a finite number');
    });
  });
});
