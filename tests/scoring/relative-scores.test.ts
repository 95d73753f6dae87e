import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peerScores, relativeBrierScores } from '../../src/scoring/relative-scores.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';

describe('peerScores', () => {
  it("reproduces the Metaculus FAQ's three-forecaster example (log scores −1, 1, 2 → −2.5, 0.5, 2, × 100)", () => {
    // Alex: ((−1 − 1) + (−1 − 2)) / 2 = −2.5; Bailey: ((1 + 1) + (1 − 2)) / 2 = 0.5; Cory: ((2 + 1) + (2 − 1)) / 2 = 2
    expect(peerScores([-1, 1, 2])).toEqual([-250, 50, 200]);
  });

  it('scores 80% against 60% on a question that resolved yes as ±100·ln(0.8/0.6)', () => {
    // ln 0.8 = −0.22314, ln 0.6 = −0.51083: 100 × (−0.22314 + 0.51083) = +28.77, and −28.77 for the other
    const [a, b] = peerScores([Math.log(0.8), Math.log(0.6)]);
    expectClose(a!, 28.768207245178093);
    expectClose(b!, -28.768207245178093);
  });

  it('gives 0 to everyone when all forecast the same', () => {
    expect(peerScores([Math.log(0.7), Math.log(0.7), Math.log(0.7)])).toEqual([0, 0, 0]);
  });

  it('sums to 0 over the forecasters of a question, whatever their scores', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -7, max: 0, noNaN: true }), { minLength: 2, maxLength: 30 }), (ls) => {
        const total = peerScores(ls).reduce((a, b) => a + b, 0);
        return Math.abs(total) < 1e-9 * ls.length * 700;
      }),
    );
  });

  describe('invalid input', () => {
    it('needs at least two forecasters', () => {
      expect(expectLedgerError(() => peerScores([-0.1])).message).toMatch(/at least 2 scores/);
      expectLedgerError(() => peerScores([]));
    });

    it('rejects scores that are not finite', () => {
      expectLedgerError(() => peerScores([-1, Number.NEGATIVE_INFINITY]));
      expectLedgerError(() => peerScores([-1, Number.NaN]));
    });
  });
});

describe('relativeBrierScores', () => {
  it('gives two forecasters opposite scores: the difference of their Brier scores', () => {
    // (0.8 − 1)² = 0.04 and (0.6 − 1)² = 0.16: 0.04 − 0.16 = −0.12 and +0.12
    const [a, b] = relativeBrierScores([0.04, 0.16]);
    expectClose(a!, -0.12);
    expectClose(b!, 0.12);
  });

  it('subtracts the median of the others (three forecasters)', () => {
    // 0.25 − median(0.5, 1) = 0.25 − 0.75 = −0.5; 0.5 − median(0.25, 1) = 0.5 − 0.625 = −0.125; 1 − median(0.25, 0.5) = 0.625
    expect(relativeBrierScores([0.25, 0.5, 1])).toEqual([-0.5, -0.125, 0.625]);
  });

  it('takes the middle of the others when they are odd in number (four forecasters)', () => {
    // 0.1 − median(0.2, 0.3, 0.4) = −0.2; 0.2 − 0.3 = −0.1; 0.3 − 0.2 = 0.1; 0.4 − 0.2 = 0.2
    relativeBrierScores([0.4, 0.1, 0.3, 0.2]).forEach((r, i) => expectClose(r, [0.2, -0.2, 0.1, -0.1][i]!));
  });

  it('handles ties: forecasters with equal scores get equal relative scores', () => {
    expect(relativeBrierScores([0.25, 0.25, 0.25])).toEqual([0, 0, 0]);
    const r = relativeBrierScores([0.1, 0.5, 0.5, 0.9]);
    expect(r[1]).toBe(r[2]);
  });

  it('is unaffected by one wild forecaster (the median, not the mean)', () => {
    // Others of the first: 0.2, 0.2, 1 → median 0.2, so 0.1 − 0.2 = −0.1 however bad the fourth is
    expectClose(relativeBrierScores([0.1, 0.2, 0.2, 1])[0]!, -0.1);
  });

  it('follows the forecasters when their order changes, and sums to 0 for two symmetric forecasters', () => {
    const score = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 15 }), (bs) => {
        const reversed = relativeBrierScores([...bs].reverse()).reverse();
        return relativeBrierScores(bs).every((r, i) => r === reversed[i]);
      }),
    );
    fc.assert(fc.property(score, score, (a, b) => Math.abs(relativeBrierScores([a, b]).reduce((x, y) => x + y, 0)) < 1e-15));
  });

  describe('invalid input', () => {
    it('needs at least two forecasters with finite scores', () => {
      expectLedgerError(() => relativeBrierScores([0.1]));
      expectLedgerError(() => relativeBrierScores([0.1, Number.NaN]));
    });
  });
});
