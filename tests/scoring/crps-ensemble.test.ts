import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteError, crpsEnsemble } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

/** Hersbach's (2000) form: ∫(F_m(y) − [y ≥ x])² dy, piecewise over the sorted members and x. */
function crpsByIntegral(members: readonly number[], x: number): number {
  const points = [...members, x].sort((a, b) => a - b);
  const m = members.length;
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const y = points[i]!;
    const F = members.filter((v) => v <= y).length / m;
    const H = y >= x ? 1 : 0;
    total += (points[i + 1]! - y) * (F - H) ** 2;
  }
  return total;
}

describe('crpsEnsemble', () => {
  it('is the absolute error for a single member', () => {
    expect(crpsEnsemble([5], 8)).toBe(3);
  });

  it('rewards spread that brackets the outcome (hand-worked)', () => {
    // [1, 3], x = 2: mean|Xᵢ − x| = 1; ΣΣ|Xᵢ − Xⱼ| = 2 + 2 = 4; 4/(2·2²) = 0.5 → 1 − 0.5 = 0.5,
    // half what either member scores alone as a point forecast (|1 − 2| = |3 − 2| = 1)
    expect(crpsEnsemble([1, 3], 2)).toBe(0.5);
    // [0, 0, 10], x = 0: mean|Xᵢ − x| = 10/3; ΣΣ = 4 × 10 = 40; 40/(2·9) = 20/9 → 10/3 − 20/9 = 10/9
    expectClose(crpsEnsemble([0, 0, 10], 0), 10 / 9, 1e-15);
  });

  it('does not lose digits to a large common offset', () => {
    expect(crpsEnsemble([1e9 + 1, 1e9 + 3], 1e9 + 2)).toBe(0.5);
  });

  it('mirrors its @example', () => {
    expect(crpsEnsemble([5], 8)).toBe(3);
    expect(crpsEnsemble([1, 3], 2)).toBe(0.5);
  });

  describe('against the direct O(m²) formula in exact arithmetic (fixture)', () => {
    it.each(fixtureRows('crpsEnsemble'))('%s matches', (_, c) => {
      expectClose(crpsEnsemble(c.members, c.actual), c.expected, 1e-12, 1e-12);
    });
  });

  describe('properties', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const members = fc.array(fc.oneof(value, fc.integer({ min: -5, max: 5 })), { minLength: 1, maxLength: 40 });

    it('equals the absolute error for a single member', () => {
      fc.assert(fc.property(value, value, (m, x) => crpsEnsemble([m], x) === absoluteError(m, x)));
    });

    it('equals Hersbach’s integral form and is ≥ 0', () => {
      fc.assert(
        fc.property(members, value, (ms, x) => {
          const crps = crpsEnsemble(ms, x);
          expect(crps).toBeGreaterThanOrEqual(0);
          expectClose(crps, crpsByIntegral(ms, x), 1e-9, 1e-9);
        }),
      );
    });

    it('does not depend on the order of the members', () => {
      fc.assert(
        fc.property(
          members.chain((ms) => fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length }).map((s) => [ms, s] as const)),
          value,
          ([ms, shuffled], x) => crpsEnsemble(ms, x) === crpsEnsemble(shuffled, x),
        ),
      );
    });
  });

  describe('invalid input', () => {
    it('rejects an empty ensemble', () => {
      const error = expectLedgerError(() => crpsEnsemble([], 1));
      expect(error.message).toMatchInlineSnapshot(`"crpsEnsemble: expected members to be a non-empty array, received an array of length 0"`);
    });

    it('names a non-finite member', () => {
      const error = expectLedgerError(() => crpsEnsemble([1, Number.NaN], 1));
      expect(error.message).toMatchInlineSnapshot(`"crpsEnsemble: expected members[1] to be a finite number, received NaN"`);
      expectLedgerError(() => crpsEnsemble([1], Number.NaN));
    });
  });
});
