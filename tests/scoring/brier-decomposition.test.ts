import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brierDecomposition, meanBrierScore, type BrierDecomposition } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows, pairsOf } from './_helpers/fixture.js';
import { bins, pairs, pairsAndShuffle } from './_helpers/pairs.js';

const FIELDS = ['brier', 'reliability', 'resolution', 'uncertainty', 'withinBinVariance', 'withinBinCovariance'] as const;
const expectDecompositionClose = (actual: BrierDecomposition, expected: BrierDecomposition): void => {
  for (const field of FIELDS) expectClose(actual[field], expected[field], 1e-12, 1e-14, field);
};
const threeTerm = (d: BrierDecomposition): number => d.reliability - d.resolution + d.uncertainty;

describe('brierDecomposition', () => {
  it('is exact when every forecast in a bin is the same (hand-worked)', () => {
    // 0.25 ×4 with 1 yes, 0.75 ×4 with 3 yes: p̄ₖ = ōₖ, so REL = 0; ō = 0.5, UNC = 0.25;
    // RES = (4 × 0.25² + 4 × 0.25²)/8 = 0.0625; BS = (3 × 0.0625 + 0.5625 + 3 × 0.0625 + 0.5625)/8 = 0.1875
    const pairs = [0, 0, 0, 1, 1, 1, 1, 0].map((o, i) => ({ probability: i < 4 ? 0.25 : 0.75, outcome: o === 1 }));
    const d = brierDecomposition(pairs);
    expect(d).toEqual({ brier: 0.1875, reliability: 0, resolution: 0.0625, uncertainty: 0.25, withinBinVariance: 0, withinBinCovariance: 0 });
    expect(threeTerm(d)).toBe(d.brier);
  });

  it('needs the two within-bin terms of Stephenson et al. (2008) when forecasts in a bin differ (hand-worked)', () => {
    // 2 bins. (0, 0.5]: 0.2 no, 0.4 yes → p̄ 0.3, ō 0.5. (0.5, 1]: 0.6 yes, 0.9 yes → p̄ 0.75, ō 1. ō = 0.75.
    // REL = (2·0.2² + 2·0.25²)/4 = 0.05125; RES = (2·0.25² + 2·0.25²)/4 = 0.0625; UNC = 0.1875
    // BS = (0.04 + 0.36 + 0.16 + 0.01)/4 = 0.1425, but REL − RES + UNC = 0.17625
    // WBV = (0.1² + 0.1² + 0.15² + 0.15²)/4 = 0.01625; WBC = (2/4)(−0.1·−0.5 + 0.1·0.5 + 0 + 0) = 0.05
    // 0.17625 + 0.01625 − 0.05 = 0.1425 ✓
    const pairs = [
      { probability: 0.2, outcome: false },
      { probability: 0.4, outcome: true },
      { probability: 0.6, outcome: true },
      { probability: 0.9, outcome: true },
    ];
    expectDecompositionClose(brierDecomposition(pairs, { bins: 2 }), {
      brier: 0.1425,
      reliability: 0.05125,
      resolution: 0.0625,
      uncertainty: 0.1875,
      withinBinVariance: 0.01625,
      withinBinCovariance: 0.05,
    });
    expectClose(threeTerm(brierDecomposition(pairs, { bins: 2 })), 0.17625);
  });

  it('has no resolution with a single bin, whose reliability is the squared mean bias', () => {
    // one bin: p̄ = (0.2 + 0.6)/2 = 0.4, ō = 0.5 → REL = 0.01, RES = 0
    const d = brierDecomposition(
      [
        { probability: 0.2, outcome: false },
        { probability: 0.6, outcome: true },
      ],
      { bins: 1 },
    );
    expectClose(d.reliability, 0.01);
    expect(d.resolution).toBe(0);
  });

  it('mirrors its @example', () => {
    const pairs = [0, 0, 0, 1, 1, 1, 1, 0].map((o, i) => ({ probability: i < 4 ? 0.25 : 0.75, outcome: o === 1 }));
    expect(brierDecomposition(pairs)).toEqual({
      brier: 0.1875,
      reliability: 0,
      resolution: 0.0625,
      uncertainty: 0.25,
      withinBinVariance: 0,
      withinBinCovariance: 0,
    });
  });

  describe('against numpy over scikit-learn’s bins (fixture)', () => {
    it.each(fixtureRows('pairSets', (s) => ({ bins: s.bins, p: s.probabilities })))('%s matches', (_, s) => {
      expectDecompositionClose(brierDecomposition(pairsOf(s), { bins: s.bins }), s.decomposition);
    });
  });

  describe('properties', () => {
    it('satisfies brier = REL − RES + UNC + WBV − WBC, with brier the exact mean Brier score', () => {
      fc.assert(
        fc.property(pairs, bins, (ps, n) => {
          const d = brierDecomposition(ps, { bins: n });
          expect(d.brier).toBe(meanBrierScore(ps));
          expectClose(threeTerm(d) + d.withinBinVariance - d.withinBinCovariance, d.brier, 1e-12, 1e-15);
        }),
      );
    });

    it('keeps |brier − (REL − RES + UNC)| within the documented bound w/2 + w²/4 (w = 1/bins)', () => {
      fc.assert(
        fc.property(pairs, bins, (ps, n) => {
          const d = brierDecomposition(ps, { bins: n });
          const w = 1 / n;
          return Math.abs(d.brier - threeTerm(d)) <= w / 2 + (w * w) / 4 + 1e-15;
        }),
      );
    });

    it('is exact when forecasts take one value per bin (bin centres)', () => {
      const centred = fc
        .integer({ min: 1, max: 20 })
        .chain((n) =>
          fc
            .array(fc.record({ k: fc.integer({ min: 0, max: n - 1 }), outcome: fc.boolean() }), { minLength: 1, maxLength: 50 })
            .map((rows) => [n, rows.map(({ k, outcome }) => ({ probability: (k + 0.5) / n, outcome }))] as const),
        );
      fc.assert(
        fc.property(centred, ([n, ps]) => {
          const d = brierDecomposition(ps, { bins: n });
          expect(d.withinBinVariance).toBe(0);
          expect(d.withinBinCovariance).toBe(0);
          expectClose(threeTerm(d), d.brier, 1e-12, 1e-15);
        }),
      );
    });

    it('has REL ≥ 0, 0 ≤ RES ≤ UNC = ō(1 − ō) ≤ 0.25', () => {
      fc.assert(
        fc.property(pairs, bins, (ps, n) => {
          const d = brierDecomposition(ps, { bins: n });
          const base = ps.filter((p) => p.outcome).length / ps.length;
          return d.reliability >= 0 && d.resolution >= 0 && d.resolution <= d.uncertainty + 1e-15 && d.uncertainty === base * (1 - base);
        }),
      );
    });

    it('does not depend on the order of the pairs', () => {
      fc.assert(
        fc.property(pairsAndShuffle, bins, ([ps, shuffled], n) => {
          expectDecompositionClose(brierDecomposition(shuffled, { bins: n }), brierDecomposition(ps, { bins: n }));
        }),
      );
    });
  });

  describe('invalid input', () => {
    it('rejects empty pairs and bad bins', () => {
      expectLedgerError(() => brierDecomposition([]));
      const error = expectLedgerError(() => brierDecomposition([{ probability: 0.5, outcome: true }], { bins: 0 }));
      expect(error.message).toMatchInlineSnapshot(`"brierDecomposition: expected bins to be an integer from 1 to 1,000,000, received 0"`);
    });

    it('refuses more bins than it can place a probability in, instead of looping for ever', () => {
      // Number.MAX_VALUE bins once hung the process: beyond 2⁵³, k - 1 === k in the bin search.
      for (const bins of [1_000_001, 2 ** 53, Number.MAX_VALUE]) {
        const error = expectLedgerError(() => brierDecomposition([{ probability: 0.7, outcome: true }], { bins }));
        expect(error.message).toContain('expected bins to be an integer from 1 to 1,000,000');
      }
      expect(brierDecomposition([{ probability: 0.7, outcome: true }], { bins: 1_000_000 }).brier).toBeCloseTo(0.09, 12);
    });
  });
});
