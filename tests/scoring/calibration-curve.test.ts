import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrationCurve, type CalibrationBin } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows, pairsOf } from './_helpers/fixture.js';
import { bins, pairs, pairsAndShuffle } from './_helpers/pairs.js';

// scikit-learn's calibration_curve docstring (n_bins=3):
// y_true [0, 0, 0, 0, 1, 1, 1, 1, 1], y_pred [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0]
// → prob_true [0, 0.5, 1], prob_pred [0.2, 0.525, 0.85]
const docstring = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1].map((probability, i) => ({ probability, outcome: i >= 4 }));

const at = (probability: number, outcome = true) => ({ probability, outcome });
const expectBinsClose = (actual: CalibrationBin[], expected: CalibrationBin[]): void => {
  expect(actual.map((b) => [b.lower, b.upper, b.count])).toEqual(expected.map((b) => [b.lower, b.upper, b.count]));
  actual.forEach((b, i) => {
    expectClose(b.meanProbability, expected[i]!.meanProbability);
    expectClose(b.observedFrequency, expected[i]!.observedFrequency);
  });
};

describe('calibrationCurve', () => {
  it('reproduces the calibration_curve docstring example of scikit-learn', () => {
    const curve = calibrationCurve(docstring, { bins: 3 });
    // bin 1 (0, 1/3]: 0.1, 0.2, 0.3 → mean 0.2, 0 of 3 happened; bin 2 (1/3, 2/3]: 0.4, 0.65 → 0.525, 1 of 2;
    // bin 3 (2/3, 1]: 0.7, 0.8, 0.9, 1 → 0.85, 4 of 4
    expectBinsClose(curve, [
      { lower: 0, upper: 1 / 3, count: 3, meanProbability: 0.2, observedFrequency: 0 },
      { lower: 1 / 3, upper: 2 / 3, count: 2, meanProbability: 0.525, observedFrequency: 0.5 },
      { lower: 2 / 3, upper: 1, count: 4, meanProbability: 0.85, observedFrequency: 1 },
    ]);
  });

  it('uses 10 equal-width bins by default and returns only the non-empty ones', () => {
    const curve = calibrationCurve([at(0.05), at(0.55, false), at(0.56)]);
    expect(curve).toEqual([
      { lower: 0, upper: 0.1, count: 1, meanProbability: 0.05, observedFrequency: 1 },
      { lower: 0.5, upper: 0.6, count: 2, meanProbability: (0.55 + 0.56) / 2, observedFrequency: 0.5 },
    ]);
  });

  it('mirrors its @example', () => {
    expect(calibrationCurve(docstring, { bins: 3 }).map((b) => [b.count, b.observedFrequency])).toEqual([
      [3, 0],
      [2, 0.5],
      [4, 1],
    ]);
    expect(calibrationCurve(docstring, { bins: 3 }).map((b) => b.meanProbability)).toEqual([0.2, 0.525, 0.85]);
  });

  describe('bin edges', () => {
    it('puts a probability exactly on an inner edge in the lower bin', () => {
      expect(calibrationCurve([at(0.7)])).toMatchObject([{ lower: 0.6, upper: 0.7 }]);
      expect(calibrationCurve([at(0.1)])).toMatchObject([{ lower: 0, upper: 0.1 }]);
      expect(calibrationCurve([at(0.5)], { bins: 2 })).toMatchObject([{ lower: 0, upper: 0.5 }]);
      expect(calibrationCurve([at(0.25)], { bins: 4 })).toMatchObject([{ lower: 0, upper: 0.25 }]);
    });

    it('puts p = 0 in the first bin and p = 1 in the last', () => {
      expect(calibrationCurve([at(0), at(1)])).toMatchObject([
        { lower: 0, upper: 0.1, count: 1 },
        { lower: 0.9, upper: 1, count: 1 },
      ]);
    });

    it('takes "on the edge" to mean equal to the double k / bins, even where scikit-learn’s edge is one ulp lower', () => {
      // np.linspace(0, 1, 7)[5] is 5 × (1/6) = 0.8333333333333333, one ulp below 5 / 6 = 0.8333333333333334,
      // so scikit-learn's searchsorted puts the probability 5 / 6 in its top bin (5/6, 1]; the contract
      // says lower bin, so calibrationCurve puts it in (4/6, 5/6].
      expect(5 * (1 / 6)).toBeLessThan(5 / 6);
      expect(calibrationCurve([at(5 / 6)], { bins: 6 })).toMatchObject([{ lower: 4 / 6, upper: 5 / 6 }]);
      // and a hair above the edge goes up
      expect(calibrationCurve([at(5 / 6 + 2 ** -53)], { bins: 6 })).toMatchObject([{ lower: 5 / 6, upper: 1 }]);
    });

    it('puts every probability of a 1 % grid in the bin (k/n, (k+1)/n] that contains it, for 1 to 30 bins', () => {
      for (let n = 1; n <= 30; n++) {
        for (let i = 0; i <= 100; i++) {
          const p = i / 100;
          const [bin] = calibrationCurve([at(p)], { bins: n });
          expect(bin!.lower < p || (p === 0 && bin!.lower === 0), `${p} with ${n} bins`).toBe(true);
          expect(p <= bin!.upper, `${p} with ${n} bins`).toBe(true);
        }
      }
    });
  });

  describe('against scikit-learn (fixture)', () => {
    it.each(fixtureRows('pairSets', (s) => ({ bins: s.bins, p: s.probabilities })))(
      '%s matches calibration_curve(strategy="uniform") with its bin counts',
      (_, s) => expectBinsClose(calibrationCurve(pairsOf(s), { bins: s.bins }), s.calibration),
    );
  });

  describe('properties', () => {
    it('has counts that sum to N, ascending non-empty bins, and bin means inside their bins', () => {
      fc.assert(
        fc.property(pairs, bins, (ps, n) => {
          const curve = calibrationCurve(ps, { bins: n });
          expect(curve.reduce((acc, b) => acc + b.count, 0)).toBe(ps.length);
          curve.forEach((b, i) => {
            expect(b.count).toBeGreaterThan(0);
            if (i > 0) expect(b.lower).toBeGreaterThan(curve[i - 1]!.lower);
            expect(b.meanProbability).toBeGreaterThanOrEqual(b.lower);
            expect(b.meanProbability).toBeLessThanOrEqual(b.upper);
            expect(b.observedFrequency * b.count).toBeCloseTo(Math.round(b.observedFrequency * b.count), 9);
          });
        }),
      );
    });

    it('does not depend on the order of the pairs', () => {
      fc.assert(
        fc.property(pairsAndShuffle, bins, ([ps, shuffled], n) => {
          expectBinsClose(calibrationCurve(shuffled, { bins: n }), calibrationCurve(ps, { bins: n }));
        }),
      );
    });
  });

  describe('invalid input', () => {
    it.each([0, -1, 2.5, Number.NaN, '10' as unknown as number, 1_000_001, 2 ** 53, Number.MAX_VALUE, Number.POSITIVE_INFINITY])('rejects bins = %s', (n) => {
      const error = expectLedgerError(() => calibrationCurve(docstring, { bins: n }));
      expect(error.message).toContain('calibrationCurve: expected bins to be an integer from 1 to 1,000,000');
    });

    it('takes the largest number of bins it allows', () => {
      // One more than this is refused above: bins beyond 2⁵³ once made finding a bin loop for ever.
      expect(calibrationCurve(docstring, { bins: 1_000_000 }).reduce((n, b) => n + b.count, 0)).toBe(docstring.length);
    });

    it('rejects empty or invalid pairs', () => {
      expectLedgerError(() => calibrationCurve([]));
      const error = expectLedgerError(() => calibrationCurve([at(-0.5)]));
      expect(error.message).toMatchInlineSnapshot(`"calibrationCurve: expected pairs[0].probability in [0, 1], received -0.5"`);
    });
  });
});

describe('calibrationCurve at scale', () => {
  it('handles 300 000 pairs in one bin', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => ({ probability: 0.05, outcome: i % 20 === 0 }));
    expect(calibrationCurve(many)).toEqual([{ lower: 0, upper: 0.1, count: 300_000, meanProbability: 0.05, observedFrequency: 0.05 }]);
  });
});
