import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brierSkillScore, meanBrierScore } from '../../src/scoring/rules.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows, pairsOf } from './_helpers/fixture.js';
import { pairs, pairsAndShuffle } from './_helpers/pairs.js';

const example = [
  { probability: 0.75, outcome: true },
  { probability: 0.25, outcome: false },
];

describe('brierSkillScore', () => {
  it('compares with climatology by default: the base rate forecast for every pair', () => {
    // BS = (0.25² + 0.25²)/2 = 0.0625; ō = 0.5 → BS_ref = ō(1 − ō) = 0.25; BSS = 1 − 0.0625/0.25 = 0.75
    expect(brierSkillScore(example)).toBe(0.75);
  });

  it('scores 0 for forecasts equal to the base rate and 1 for perfect forecasts', () => {
    const base = [true, false, false, false].map((outcome) => ({ probability: 0.25, outcome }));
    expect(brierSkillScore(base)).toBe(0);
    expect(
      brierSkillScore([
        { probability: 1, outcome: true },
        { probability: 0, outcome: false },
      ]),
    ).toBe(1);
  });

  it('goes negative for forecasts worse than the reference', () => {
    // BS = (0.25² + 0.75²)/2 = 0.3125 against 0.25 → 1 − 1.25 = −0.25
    expect(
      brierSkillScore([
        { probability: 0.75, outcome: false },
        { probability: 0.25, outcome: false },
        { probability: 0.75, outcome: true },
        { probability: 0.25, outcome: true },
      ]),
    ).toBe(-0.25);
  });

  it('accepts a constant reference probability', () => {
    // reference 0.75 for both: BS_ref = ((0.75 − 1)² + 0.75²)/2 = (0.0625 + 0.5625)/2 = 0.3125; 1 − 0.0625/0.3125 = 0.8
    expect(brierSkillScore(example, 0.75)).toBe(0.8);
    expect(brierSkillScore(example, 0.5)).toBe(0.75);
  });

  it('accepts one reference probability per pair', () => {
    // reference [0.5, 0.75]: BS_ref = (0.25 + 0.5625)/2 = 0.40625; 1 − 0.0625/0.40625 = 0.846153…
    expectClose(brierSkillScore(example, [0.5, 0.75]), 1 - 0.0625 / 0.40625);
  });

  it('mirrors its @example', () => {
    expect(brierSkillScore(example)).toBe(0.75);
    expect(brierSkillScore(example, 0.75)).toBe(0.8);
  });

  describe('against scikit-learn (fixture)', () => {
    it.each(fixtureRows('pairSets', (s) => s.probabilities))('%s matches 1 − brier_score_loss / brier_score_loss(reference)', (_, s) => {
      const ps = pairsOf(s);
      if (s.brierSkillScore === null) expectLedgerError(() => brierSkillScore(ps));
      else expectClose(brierSkillScore(ps), s.brierSkillScore);
      if (s.brierSkillScoreVsConstant === null) expectLedgerError(() => brierSkillScore(ps, s.constantReference));
      else expectClose(brierSkillScore(ps, s.constantReference), s.brierSkillScoreVsConstant);
      if (s.referenceProbabilities) {
        if (s.brierSkillScoreVsArray === null) expectLedgerError(() => brierSkillScore(ps, s.referenceProbabilities));
        else expectClose(brierSkillScore(ps, s.referenceProbabilities), s.brierSkillScoreVsArray!);
      }
    });
  });

  describe('properties', () => {
    const mixed = pairs.filter((ps) => ps.some((p) => p.outcome) && ps.some((p) => !p.outcome));

    it('is at most 1, and equals 1 − BS/(ō(1 − ō))', () => {
      fc.assert(
        fc.property(mixed, (ps) => {
          const base = ps.filter((p) => p.outcome).length / ps.length;
          const bss = brierSkillScore(ps);
          return bss <= 1 && Math.abs(bss - (1 - meanBrierScore(ps) / (base * (1 - base)))) <= 1e-12 * (1 + Math.abs(bss));
        }),
      );
    });

    it('does not depend on the order of the pairs', () => {
      fc.assert(
        fc.property(
          pairsAndShuffle.filter(([ps]) => ps.some((p) => p.outcome) && ps.some((p) => !p.outcome)),
          ([ps, shuffled]) => {
            return brierSkillScore(ps) === brierSkillScore(shuffled);
          },
        ),
      );
    });
  });

  describe('edge cases', () => {
    it('throws a typed error when every outcome is the same, since the base rate is then perfect', () => {
      const error = expectLedgerError(() =>
        brierSkillScore([
          { probability: 0.9, outcome: true },
          { probability: 0.6, outcome: true },
        ]),
      );
      expect(error.message).toMatchInlineSnapshot(
        `"brierSkillScore: expected a reference forecast with a Brier score > 0, received one that scores 0 (every outcome is the same, so the base rate forecasts them perfectly); skill relative to it is undefined. Compare mean Brier scores instead, or pass another reference."`,
      );
      expect(error.details).toMatchObject({ referenceBrierScore: 0 });
    });

    it('throws when a given reference is perfect', () => {
      const error = expectLedgerError(() => brierSkillScore(example, [1, 0]));
      expect(error.message).toContain('(the reference forecast is perfect)');
    });

    it('still scores one-outcome sets against a constant reference that is not perfect', () => {
      // BS = 0.1² = 0.01 against (0.5 − 1)² = 0.25 → 0.96
      expectClose(brierSkillScore([{ probability: 0.9, outcome: true }], 0.5), 0.96);
    });
  });

  describe('invalid input', () => {
    it('rejects a reference outside [0, 1]', () => {
      const error = expectLedgerError(() => brierSkillScore(example, 1.5));
      expect(error.message).toMatchInlineSnapshot(`"brierSkillScore: expected reference in [0, 1], received 1.5"`);
    });

    it('rejects a reference array of the wrong length or with a bad entry', () => {
      const error = expectLedgerError(() => brierSkillScore(example, [0.5]));
      expect(error.message).toMatchInlineSnapshot(`"brierSkillScore: expected reference to have one probability per pair (2), received an array of length 1"`);
      expectLedgerError(() => brierSkillScore(example, [0.5, Number.NaN]));
    });

    it('rejects empty pairs', () => {
      expectLedgerError(() => brierSkillScore([]));
    });
  });
});
