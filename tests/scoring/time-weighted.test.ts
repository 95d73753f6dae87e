import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brierScore } from '../../src/scoring/rules.js';
import { standingWeights, timeWeightedScore } from '../../src/scoring/time-weighted.js';
import { expectClose } from './_helpers/expect-close.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';

const DAY = 86_400_000;
const f = (id: string, madeAt: string, p: number) => ({ id, madeAt, p });

describe('standingWeights', () => {
  it('gives each forecast the share of the period until the next one, from the first forecast to the close', () => {
    // Jan 1 → Jan 4: 3 days; Jan 4 → close Jan 5: 1 day; period 4 days → 3/4 and 1/4
    const ws = standingWeights([f('a', '2025-01-01', 0.6), f('b', '2025-01-04', 0.9)], '2025-01-05');
    expect(ws.map((w) => [w.forecast.id, w.weight])).toEqual([
      ['a', 0.75],
      ['b', 0.25],
    ]);
    expect(ws[0]!.from).toBe(Date.UTC(2025, 0, 1));
    expect(ws[0]!.to).toBe(Date.UTC(2025, 0, 4));
    expect(ws[1]!.to).toBe(Date.UTC(2025, 0, 5));
  });

  it('reads bare dates as 00:00 UTC and accepts instants with an offset and Date objects', () => {
    // 2025-01-01T12:00+02:00 is 10:00 UTC; to the close at 2025-01-02 00:00 UTC is 14 h of a 24 h period
    const ws = standingWeights(
      [
        { madeAt: '2025-01-01', id: 'a' },
        { madeAt: '2025-01-01T12:00:00+02:00', id: 'b' },
      ],
      new Date(Date.UTC(2025, 0, 2)),
    );
    expectClose(ws[0]!.weight, 10 / 24);
    expectClose(ws[1]!.weight, 14 / 24);
  });

  it('leaves out forecasts made at or after the close', () => {
    const ws = standingWeights([f('a', '2025-01-01', 0.6), f('late', '2025-01-05', 0.1), f('later', '2025-02-01', 0.1)], '2025-01-05');
    expect(ws.map((w) => [w.forecast.id, w.weight])).toEqual([['a', 1]]);
  });

  it('lets the forecast with the larger id stand when two were made at the same instant', () => {
    const ws = standingWeights([f('b', '2025-01-01', 0.9), f('a', '2025-01-01', 0.1)], '2025-01-03');
    expect(ws.map((w) => [w.forecast.id, w.weight])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });

  describe('invalid input', () => {
    it('rejects an empty list and a list with nothing made before the close', () => {
      expect(expectLedgerError(() => standingWeights([], '2025-01-01')).message).toMatch(/at least one forecast made before the close/);
      expectLedgerError(() => standingWeights([f('a', '2025-02-01', 0.5)], '2025-01-01'));
    });

    it('rejects dates that do not parse, naming the field', () => {
      expect(expectLedgerError(() => standingWeights([{ madeAt: 'soon' }], '2025-01-01')).message).toMatch(/forecasts\[0\]\.madeAt/);
      expect(expectLedgerError(() => standingWeights([{ madeAt: '2025-01-01' }], 'never')).message).toMatch(/closeAt/);
    });
  });
});

describe('timeWeightedScore', () => {
  it('weights each forecast by how long it stood (0.6 for 3 days, 0.9 for 1 day, yes → 0.1225)', () => {
    // Brier: (0.6 − 1)² = 0.16 for 3/4 of the period, (0.9 − 1)² = 0.01 for 1/4
    // 0.75 × 0.16 + 0.25 × 0.01 = 0.12 + 0.0025 = 0.1225
    const score = timeWeightedScore([f('a', '2025-01-01', 0.6), f('b', '2025-01-04', 0.9)], '2025-01-05', (x) => brierScore(x.p, true));
    expectClose(score, 0.1225);
  });

  it("reproduces the Metaculus FAQ's time-averaging example once multiplied by the coverage", () => {
    // FAQ: open 5 days (Jan 1–5), resolves yes; predictions 40% on day 2, 70% on day 3, 80% on day 5;
    // Baseline score 100·log2(p/0.5): −32 on days 2, +49 on days 3–4, +68 on day 5, 0 on day 1 → average +27.
    // Ours, from the first forecast (Jan 2) to the close (end of Jan 5): weights 1/4, 2/4, 1/4
    //   0.25·(−32.19) + 0.5·48.54 + 0.25·67.81 = 33.17; coverage 4 of 5 days → 33.17 × 0.8 = 26.54 ≈ +27
    const baseline = (p: number) => 100 * Math.log2(p / 0.5);
    const fs = [f('d2', '2025-01-02', 0.4), f('d3', '2025-01-03', 0.7), f('d5', '2025-01-05', 0.8)];
    const score = timeWeightedScore(fs, '2025-01-06', (x) => baseline(x.p));
    expectClose(score, 0.25 * baseline(0.4) + 0.5 * baseline(0.7) + 0.25 * baseline(0.8));
    expect(Math.round(score * 0.8)).toBe(27);
  });

  it('returns exactly the score of a lone forecast', () => {
    expect(timeWeightedScore([f('a', '2025-01-01', 0.7)], '2030-01-01', (x) => brierScore(x.p, false))).toBe(brierScore(0.7, false));
  });

  it('does not call the score function for forecasts superseded at the same instant', () => {
    const seen: string[] = [];
    timeWeightedScore([f('a', '2025-01-01', 0.1), f('b', '2025-01-01', 0.9)], '2025-01-02', (x) => (seen.push(x.id), x.p));
    expect(seen).toEqual(['b']);
  });

  it('rejects a score function that returns NaN', () => {
    expectLedgerError(() => timeWeightedScore([f('a', '2025-01-01', 0.5)], '2025-01-02', () => Number.NaN));
  });

  // Found by the fuzz run: a class is a function to typeof, and calling it without new threw a bare TypeError.
  it('refuses a class given as the score function, and one that throws, keeping what it threw as the cause', () => {
    const two = [f('a', '2025-01-01', 0.5), f('b', '2025-01-02', 0.6)];
    const ofClass = expectLedgerError(() => timeWeightedScore(two, '2025-01-03', class {} as never));
    expect(ofClass.message).toMatch(/^timeWeightedScore: expected scoreFn to be a function scoring one forecast, received .*TypeError/);
    expect(ofClass.cause).toBeInstanceOf(TypeError);
    const boom = new RangeError('boom');
    const thrown = expectLedgerError(() =>
      timeWeightedScore([f('a', '2025-01-01', 0.5)], '2025-01-02', () => {
        throw boom;
      }),
    );
    expect(thrown.cause).toBe(boom);
  });

  it('passes on a LedgerError the score function throws, unchanged', () => {
    let inner: unknown;
    try {
      brierScore(2, true);
    } catch (error) {
      inner = error;
    }
    const passedOn = expectLedgerError(() => timeWeightedScore([f('a', '2025-01-01', 2)], '2025-01-02', (x) => brierScore(x.p, true)));
    expect(passedOn.message).toBe((inner as Error).message);
    expect(passedOn.cause).toBeUndefined();
  });

  describe('laws', () => {
    const forecasts = fc
      .uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 400 }), hour: fc.integer({ min: 0, max: 23 }), p: fc.double({ min: 0, max: 1, noNaN: true }) }), {
        minLength: 1,
        maxLength: 12,
        selector: (x) => `${x.day}:${x.hour}`,
      })
      .map((xs) => xs.map((x, i) => ({ id: `f${i}`, madeAt: new Date(Date.UTC(2025, 0, 1) + x.day * DAY + x.hour * 3_600_000).toISOString(), p: x.p })));
    const close = new Date(Date.UTC(2025, 0, 1) + 401 * DAY);

    it('gives a single forecast its own score', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.boolean(),
          (p, o) => timeWeightedScore([{ madeAt: '2025-03-01', p }], close, (x) => brierScore(x.p, o)) === brierScore(p, o),
        ),
      );
    });

    it('has weights that sum to 1', () => {
      fc.assert(fc.property(forecasts, (fs) => Math.abs(standingWeights(fs, close).reduce((a, w) => a + w.weight, 0) - 1) < 1e-12));
    });

    it('does not depend on the order of the forecasts', () => {
      fc.assert(
        fc.property(
          forecasts.chain((fs) => fc.shuffledSubarray(fs, { minLength: fs.length, maxLength: fs.length }).map((s) => [fs, s] as const)),
          fc.boolean(),
          ([fs, shuffled], o) => timeWeightedScore(fs, close, (x) => brierScore(x.p, o)) === timeWeightedScore(shuffled, close, (x) => brierScore(x.p, o)),
        ),
      );
    });

    it('lies between the smallest and the largest score', () => {
      fc.assert(
        fc.property(forecasts, fc.boolean(), (fs, o) => {
          const scores = fs.map((x) => brierScore(x.p, o));
          const tw = timeWeightedScore(fs, close, (x) => brierScore(x.p, o));
          return tw >= Math.min(...scores) - 1e-12 && tw <= Math.max(...scores) + 1e-12;
        }),
      );
    });
  });
});
