import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('median', () => {
  it('returns the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([-1, -1, 5, 100])).toBe(2);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('does not overflow when the two middle values are huge', () => {
    expect(median([1.7e308, 1.7e308])).toBe(1.7e308);
  });

  it('mirrors its @example', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  describe('against numpy (fixture)', () => {
    it.each(fixtureRows('median'))('%s matches np.median', (_, c) => {
      expectClose(median(c.values), c.expected, 1e-15, 0);
    });
  });

  describe('properties', () => {
    it('has at least half the values on each side', () => {
      fc.assert(
        fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
          const m = median(xs);
          return 2 * xs.filter((x) => x <= m).length >= xs.length && 2 * xs.filter((x) => x >= m).length >= xs.length;
        }),
      );
    });
  });

  describe('invalid input', () => {
    it('rejects an empty list and non-finite values', () => {
      expectLedgerError(() => median([]));
      const error = expectLedgerError(() => median([1, Number.POSITIVE_INFINITY]));
      expect(error.message).toMatchInlineSnapshot(`"median: expected values[1] to be a finite number, received Infinity"`);
    });
  });
});
