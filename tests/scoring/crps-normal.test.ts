import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/scoring/_internal/normal.js';
import { crpsEnsemble, crpsNormal } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows } from './_helpers/fixture.js';

describe('crpsNormal', () => {
  it('is σ(√2 − 1)/√π at the mean (hand-worked from the closed form)', () => {
    // z = 0: σ[0 + 2φ(0) − 1/√π] = σ[2/√(2π) − 1/√π] = σ(√2 − 1)/√π = 0.2336949772551091σ
    expectClose(crpsNormal(0, 1, 0), (Math.SQRT2 - 1) / Math.sqrt(Math.PI), 1e-15);
    expectClose(crpsNormal(5, 3, 5), (3 * (Math.SQRT2 - 1)) / Math.sqrt(Math.PI), 1e-15);
  });

  it('follows σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π] off the mean (hand-worked at z = 1)', () => {
    // Φ(1) = 0.8413447460685429, φ(1) = 0.24197072451914337:
    // 1·(2·0.8413447460685429 − 1) + 2·0.24197072451914337 − 0.5641895835477563 = 0.6025042132050529
    expectClose(crpsNormal(0, 1, 1), 1 * (2 * 0.8413447460685429 - 1) + 2 * 0.24197072451914337 - 0.5641895835477563, 1e-14);
    // scale and location: CRPS(N(μ, σ²), x) = σ·CRPS(N(0, 1), (x − μ)/σ)
    expectClose(crpsNormal(10, 2, 12), 2 * crpsNormal(0, 1, 1), 1e-15);
  });

  it('mirrors its @example', () => {
    expect(crpsNormal(0, 1, 0)).toBe(0.23369497725510913);
    expect(crpsNormal(10, 2, 13)).toBe(1.9888480079549062);
  });

  it('agrees with a large ensemble of the distribution’s quantiles', () => {
    const m = 4000;
    const members = Array.from({ length: m }, (_, i) => 3 + 2 * normalQuantile((i + 0.5) / m));
    expect(Math.abs(crpsEnsemble(members, 4.2) - crpsNormal(3, 2, 4.2))).toBeLessThan(1e-3);
  });

  describe('against scipy.stats.norm (fixture)', () => {
    it.each(fixtureRows('crpsNormal'))('%s matches the closed form with norm.cdf / norm.pdf', (_, c) => {
      expectClose(crpsNormal(c.mean, c.sd, c.actual), c.expected, 1e-12, 0);
    });
  });

  describe('properties', () => {
    const value = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    it('tends to |μ − x| as sd → 0, within σ/√π', () => {
      fc.assert(
        fc.property(value, value, fc.double({ min: 1e-12, max: 1e-3, noNaN: true }), (mu, x, sd) => {
          return Math.abs(crpsNormal(mu, sd, x) - Math.abs(mu - x)) <= sd / Math.sqrt(Math.PI) + 1e-12 * (1 + Math.abs(mu - x));
        }),
      );
    });

    it('is positive and smallest at x = μ', () => {
      fc.assert(
        fc.property(value, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), value, (mu, sd, x) => {
          const at = crpsNormal(mu, sd, x);
          return at > 0 && at >= crpsNormal(mu, sd, mu) * (1 - 1e-12);
        }),
      );
    });
  });

  describe('invalid input', () => {
    it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects sd = %s', (sd) => {
      const error = expectLedgerError(() => crpsNormal(0, sd, 1));
      expect(error.message).toContain('crpsNormal: expected sd to be a finite number > 0');
    });

    it('rejects a non-finite mean or outcome', () => {
      expectLedgerError(() => crpsNormal(Number.NaN, 1, 0));
      expectLedgerError(() => crpsNormal(0, 1, Number.POSITIVE_INFINITY));
    });
  });
});
