import { describe, expect, it } from 'vitest';
import { claimProbability } from '../../../src/scoring/claims/claim-probability.js';
import { scoreClaim, type DateClaimScore, type NumericClaimScore } from '../../../src/scoring/claims/score-claim.js';
import { DEFAULT_SCORING_OPTIONS } from '../../../src/scoring/claims/scoring-options.js';
import { expectClose } from '../_helpers/expect-close.js';
import { expectLedgerError } from '../_helpers/expect-ledger-error.js';

const binaryQ = { kind: 'binary' as const, stance: 'forecast' as const };
const numericQ = (tolerance?: number, stance: 'forecast' | 'plan' | 'goal' = 'forecast') => ({
  kind: 'numeric' as const,
  stance,
  spec: { unit: 'USD/t', scale: 'linear' as const, ...(tolerance !== undefined ? { tolerance } : {}) },
});
const dateQ = (toleranceDays?: number, stance: 'forecast' | 'plan' = 'forecast') => ({
  kind: 'date' as const,
  stance,
  spec: toleranceDays === undefined ? {} : { toleranceDays },
});
const yes = { kind: 'binary' as const, value: true };
const no = { kind: 'binary' as const, value: false };
const actual = (value: number) => ({ kind: 'numeric' as const, value });
const on = (value: string) => ({ kind: 'date' as const, value });
const numeric = (q: ReturnType<typeof numericQ>, estimate: object, x: number) =>
  scoreClaim(q, { estimate: { kind: 'numeric', ...estimate } }, actual(x)) as NumericClaimScore;
const dated = (q: ReturnType<typeof dateQ>, estimate: object, x: string) => scoreClaim(q, { estimate: { kind: 'date', ...estimate } }, on(x)) as DateClaimScore;

describe('claimProbability', () => {
  it('uses the stated probability over the wording', () => {
    const confidence = { wording: 'very likely', impliedProbability: 0.9, scale: 'ipcc-ar5' as const };
    expect(claimProbability({ estimate: { kind: 'binary', probability: 0.6 }, confidence })).toEqual({ probability: 0.6, source: 'stated' });
  });

  it('falls back to the probability the wording implies', () => {
    const confidence = { wording: '可能', impliedProbability: 0.66, scale: 'forecast-ledger-zh' as const };
    expect(claimProbability({ estimate: { kind: 'binary' }, confidence })).toEqual({ probability: 0.66, source: 'implied' });
  });

  it('rejects a binary claim with neither, and a claim that is not binary', () => {
    expect(expectLedgerError(() => claimProbability({ estimate: { kind: 'binary' } })).message).toMatch(/confidence/);
    expectLedgerError(() => claimProbability({ estimate: { kind: 'numeric', point: 1 } }));
  });
});

describe('scoreClaim: binary', () => {
  it('scores a stated 70% that came true: Brier 0.09, log loss −ln 0.7, a hit', () => {
    // (0.7 − 1)² = 0.09; −ln(0.7) = 0.35667
    const s = scoreClaim(binaryQ, { estimate: { kind: 'binary', probability: 0.7 } }, yes);
    expect(s).toMatchObject({ kind: 'binary', probability: 0.7, probabilitySource: 'stated', outcome: true, hit: true, achieved: true });
    if (s.kind !== 'binary') throw new Error('kind');
    expectClose(s.brier, 0.09);
    expectClose(s.logLoss, 0.35667494393873245);
  });

  it('scores a worded claim at its implied probability ("likely" = 0.66 that did not happen: Brier 0.4356, a miss)', () => {
    // (0.66 − 0)² = 0.4356; −ln(1 − 0.66) = −ln 0.34 = 1.07881
    const s = scoreClaim(binaryQ, { estimate: { kind: 'binary' }, confidence: { wording: 'likely', impliedProbability: 0.66, scale: 'ipcc-ar5' } }, no);
    expect(s).toMatchObject({ probability: 0.66, probabilitySource: 'implied', hit: false });
    if (s.kind !== 'binary') throw new Error('kind');
    expectClose(s.brier, 0.4356);
    expectClose(s.logLoss, 1.0788096613719298);
  });

  it('treats p = 0.5 as no call, and uses the 0–2 Brier scale on request', () => {
    const s = scoreClaim(binaryQ, { estimate: { kind: 'binary', probability: 0.5 } }, yes, { brierScale: '0-2' });
    expect(s).toMatchObject({ hit: null, brier: 0.5 });
  });

  it('clips a certain miss at ε = 0.001: log loss −ln 0.001 = 6.9078', () => {
    const s = scoreClaim(binaryQ, { estimate: { kind: 'binary', probability: 1 } }, no);
    if (s.kind !== 'binary') throw new Error('kind');
    expectClose(s.logLoss, -Math.log(0.001));
    expect(s.brier).toBe(1);
  });
});

describe('scoreClaim: numeric point claims', () => {
  it('computes the errors of 10,750 against 10,120 and counts it a hit within ±10%', () => {
    // |10750 − 10120| = 630; 630 / 10120 = 6.225%; ln(10750/10120) = 0.060393; 630 ≤ 0.1 × 10120 = 1012 → hit
    const s = numeric(numericQ(), { point: 10750 }, 10120);
    expect(s.point).toMatchObject({ estimate: 10750, absoluteError: 630, tolerance: 0.1, hit: true });
    expectClose(s.point!.absolutePercentageError!, 630 / 10120);
    expectClose(s.point!.logAccuracyRatio!, Math.log(10750 / 10120));
    expect(s).toMatchObject({ hit: true, hitBasis: 'point' });
  });

  it('misses outside the tolerance, and a question can set its own tolerance', () => {
    // 12,000 vs 10,000: 20% off → miss at ±10%, hit at the question's ±25%
    expect(numeric(numericQ(), { point: 12000 }, 10000).hit).toBe(false);
    expect(numeric(numericQ(0.25), { point: 12000 }, 10000).point!.tolerance).toBe(0.25);
    expect(numeric(numericQ(0.25), { point: 12000 }, 10000).hit).toBe(true);
    expect((scoreClaim(numericQ(), { estimate: { kind: 'numeric', point: 12000 } }, actual(10000), { numericTolerance: 0.2 }) as NumericClaimScore).hit).toBe(
      true,
    );
  });

  it('leaves out the percentage error of a zero outcome and the log ratio of non-positive values', () => {
    const s = numeric(numericQ(), { point: 0.5 }, 0);
    expect(s.point).toEqual({ estimate: 0.5, absoluteError: 0.5, tolerance: 0.1, hit: false });
    expect(numeric(numericQ(), { point: -2 }, 3).point!.logAccuracyRatio).toBeUndefined();
  });
});

describe('scoreClaim: ranges and quantiles', () => {
  it('counts a bare range a hit when it holds the outcome, scoring it as an 80% interval', () => {
    // α = 1 − 0.8 = 0.2; inside → interval score = width = 3000 − 2000 = 1000
    const s = numeric(numericQ(), { interval: { lower: 2000, upper: 3000 } }, 2500);
    expect(s.interval).toEqual({ lower: 2000, upper: 3000, level: 0.8, levelSource: 'default', intervalScore: 1000, hit: true });
    expect(s).toMatchObject({ hit: true, hitBasis: 'interval' });
    expect(DEFAULT_SCORING_OPTIONS.defaultIntervalLevel).toBe(0.8);
  });

  it('penalises a miss by 2/α per unit outside, at the stated level', () => {
    // 90% interval 10–20, outcome 25: α = 0.1 → 10 + (2 / 0.1) × 5 = 110
    const s = numeric(numericQ(), { interval: { lower: 10, upper: 20, level: 0.9 } }, 25);
    expect(s.interval).toMatchObject({ levelSource: 'stated', hit: false });
    expectClose(s.interval!.intervalScore, 110);
  });

  it('decides the hit by the range when a claim gives both a point and a range', () => {
    // point 100 vs 130 is 23% off (miss) but 90–140 holds 130 (hit)
    const s = numeric(numericQ(), { point: 100, interval: { lower: 90, upper: 140 } }, 130);
    expect([s.point!.hit, s.interval!.hit, s.hit, s.hitBasis]).toEqual([false, true, true, 'interval']);
  });

  it('averages the pinball loss over quantiles and hits between the outermost ones', () => {
    // q10 = 8, q50 = 10, q90 = 14, outcome 11: 0.1×3 = 0.3; 0.5×1 = 0.5; (1 − 0.9)×3 = 0.3 → mean 1.1 / 3
    const s = numeric(
      numericQ(),
      {
        quantiles: [
          { tau: 0.1, value: 8 },
          { tau: 0.5, value: 10 },
          { tau: 0.9, value: 14 },
        ],
      },
      11,
    );
    expectClose(s.quantiles!.meanPinballLoss, 1.1 / 3);
    expect(s).toMatchObject({ hit: true, hitBasis: 'quantiles' });
  });
});

describe('scoreClaim: dates', () => {
  it('measures the signed error against the point and hits within ±90 days by default', () => {
    // 2027-06-30 → 2027-09-01: 63 days late, inside 2027-04-01..2027-09-28
    const s = dated(dateQ(), { point: '2027-06-30' }, '2027-09-01');
    expect(s).toEqual({
      kind: 'date',
      outcome: '2027-09-01',
      window: { start: '2027-04-01', end: '2027-09-28' },
      errorDays: 63,
      errorBasis: 'point',
      hit: true,
      achieved: true,
    });
  });

  it("uses the question's toleranceDays, and misses outside it", () => {
    // ±30 days: window 2027-05-31..2027-07-30; 63 days late is outside
    expect(dated(dateQ(30), { point: '2027-06-30' }, '2027-09-01')).toMatchObject({ window: { start: '2027-05-31', end: '2027-07-30' }, hit: false });
  });

  it('scores an earliest..latest window: 0 days inside, days past the edge outside', () => {
    expect(dated(dateQ(), { earliest: '2028-01-01', latest: '2029-12-31' }, '2029-01-01')).toMatchObject({ errorDays: 0, errorBasis: 'window', hit: true });
    // 2030-01-10 is 10 days after 2029-12-31
    expect(dated(dateQ(), { earliest: '2028-01-01', latest: '2029-12-31' }, '2030-01-10')).toMatchObject({ errorDays: 10, hit: false });
    // 2027-12-22 is 10 days before 2028-01-01
    expect(dated(dateQ(), { earliest: '2028-01-01', latest: '2029-12-31' }, '2027-12-22')).toMatchObject({ errorDays: -10, hit: false });
  });

  it('reads a lone latest date as "by" and a lone earliest date as "not before", with an open end', () => {
    expect(dated(dateQ(), { latest: '2030-12-31' }, '2026-01-01')).toMatchObject({ window: { end: '2030-12-31' }, hit: true });
    expect(dated(dateQ(), { earliest: '2030-01-01' }, '2026-01-01')).toMatchObject({ window: { start: '2030-01-01' }, errorDays: -1461, hit: false });
  });
});

describe('scoreClaim: categorical', () => {
  it('scores the probability given to the option that happened and hits when it was the favourite', () => {
    const s = scoreClaim(
      { kind: 'categorical', stance: 'forecast' },
      { estimate: { kind: 'categorical', probabilities: { a: 0.6, b: 0.3, c: 0.1 } } },
      { kind: 'categorical', value: 'b' },
    );
    expect(s).toMatchObject({ probability: 0.3, hit: false });
    if (s.kind !== 'categorical') throw new Error('kind');
    expectClose(s.logLoss, -Math.log(0.3));
  });

  it('makes no call when several options tie for the top', () => {
    const s = scoreClaim(
      { kind: 'categorical', stance: 'forecast' },
      { estimate: { kind: 'categorical', probabilities: { a: 0.5, b: 0.5 } } },
      { kind: 'categorical', value: 'a' },
    );
    expect(s.hit).toBeNull();
  });
});

describe('scoreClaim: plans and goals', () => {
  it('reads a binary plan as achieved when the question resolved yes, whatever the wording', () => {
    expect(scoreClaim({ kind: 'binary', stance: 'plan' }, { estimate: { kind: 'binary', probability: 0.3 } }, yes).achieved).toBe(true);
    expect(scoreClaim({ kind: 'binary', stance: 'plan' }, { estimate: { kind: 'binary', probability: 0.9 } }, no).achieved).toBe(false);
  });

  it('counts a numeric plan achieved when the outcome reached the target less the tolerance (reach)', () => {
    // target 380, tolerance 10% → achieved from 342; overshooting counts
    expect(numeric(numericQ(undefined, 'plan'), { point: 380 }, 345).achieved).toBe(true);
    expect(numeric(numericQ(undefined, 'plan'), { point: 380 }, 600).achieved).toBe(true);
    expect(numeric(numericQ(undefined, 'plan'), { point: 380 }, 300).achieved).toBe(false);
    // a range target is reached at its lower end
    expect(numeric(numericQ(undefined, 'goal'), { interval: { lower: 70, upper: 90 } }, 95).achieved).toBe(true);
  });

  it('applies the forecast rule to plans with planRule "hit": overshooting by more than the tolerance misses', () => {
    const s = scoreClaim(numericQ(undefined, 'plan'), { estimate: { kind: 'numeric', point: 380 } }, actual(600), { planRule: 'hit' });
    expect(s.achieved).toBe(false);
  });

  it('counts a dated plan achieved when it happened by the end of its window (early counts)', () => {
    expect(dated(dateQ(undefined, 'plan'), { point: '2027-06-30' }, '2026-01-01').achieved).toBe(true);
    expect(dated(dateQ(undefined, 'plan'), { point: '2027-06-30' }, '2027-12-01').achieved).toBe(false);
  });
});

describe('scoreClaim: invalid input', () => {
  it('rejects estimates or outcomes of another kind than the question', () => {
    expect(expectLedgerError(() => scoreClaim(binaryQ, { estimate: { kind: 'numeric', point: 1 } }, yes)).message).toMatch(
      /match the question's kind "binary"/,
    );
    expectLedgerError(() => scoreClaim(binaryQ, { estimate: { kind: 'binary', probability: 0.5 } }, actual(1)));
  });

  it('rejects options out of range, naming them', () => {
    const claim = { estimate: { kind: 'binary' as const, probability: 0.5 } };
    expect(expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { defaultIntervalLevel: 1 })).message).toMatch(/options\.defaultIntervalLevel/);
    expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { numericTolerance: -0.1 }));
    expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { dateToleranceDays: 1.5 }));
    expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { logEpsilon: 0 }));
    expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { planRule: 'soon' as never }));
    expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { brierScale: '0-3' as never }));
    expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { calibrationBins: 0 }));
    expect(expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { calibrationBins: 1_000_001 })).message).toMatch(/options\.calibrationBins/);
  });

  // Found by the fuzz run: `o > 0` converts an object first, and one that cannot be converted threw a bare TypeError.
  it('refuses objects as numeric options, naming them, whether or not they convert to a number', () => {
    const claim = { estimate: { kind: 'binary' as const, probability: 0.5 } };
    const unconvertible = Object.create(null) as never;
    const convertible = { valueOf: () => 0.5 } as never;
    for (const key of ['numericTolerance', 'defaultIntervalLevel', 'logEpsilon'] as const) {
      for (const value of [unconvertible, convertible]) {
        expect(expectLedgerError(() => scoreClaim(binaryQ, claim, yes, { [key]: value })).message).toContain(`options.${key}`);
      }
    }
  });
});
