import { describe, expect, it } from 'vitest';
import { scorePrediction } from '../../../src/scoring/claims/score-prediction.js';
import { expectClose } from '../_helpers/expect-close.js';
import { expectLedgerError } from '../_helpers/expect-ledger-error.js';

const binary = (resolveOn: string, stance: 'forecast' | 'plan' = 'forecast') => ({ kind: 'binary' as const, stance, resolution: { resolveOn } });
const numeric = (resolveOn: string) => ({
  kind: 'numeric' as const,
  stance: 'forecast' as const,
  resolution: { resolveOn },
  spec: { unit: 'GW', scale: 'linear' },
});
const p = (id: string, madeAt: string, probability: number) => ({ id, madeAt, estimate: { kind: 'binary' as const, probability } });
const yes = { outcome: { kind: 'binary' as const, value: true } };

describe('scorePrediction', () => {
  it('closes at the end of the due date, weighting each forecast by how long it stood', () => {
    // due Jan 4 → close Jan 5 00:00; 0.5 from Jan 1 (2 days), 1 from Jan 3 (2 days): Brier ½ × 0.25 + ½ × 0 = 0.125
    const s = scorePrediction(binary('2025-01-04'), [p('a', '2025-01-01', 0.5), p('b', '2025-01-03', 1)], { ...yes, resolvedOn: '2025-01-10' });
    expect(s).toMatchObject({
      kind: 'binary',
      closeAt: '2025-01-05T00:00:00.000Z',
      forecasts: 2,
      brier: 0.125,
      probability: 0.75,
      probabilitySource: 'stated',
    });
    // hit fraction: no call (½) for half the time, hit (1) for the other half → 0.75 → hit
    expect([s.hitFraction, s.verdict]).toEqual([0.75, 'hit']);
    expect(s.final).toMatchObject({ kind: 'binary', probability: 1 });
  });

  it('closes early when the question resolved before its due date, leaving out later forecasts', () => {
    // resolved Jan 2 (due Jan 31): close Jan 3 00:00; the Jan 10 forecast is not scored
    const s = scorePrediction(binary('2025-01-31'), [p('a', '2025-01-01', 0.8), p('b', '2025-01-10', 0.1)], { ...yes, resolvedOn: '2025-01-02' });
    expect(s).toMatchObject({ closeAt: '2025-01-03T00:00:00.000Z', forecasts: 1, probability: 0.8 });
    expectClose(s.brier!, 0.04);
  });

  it('makes no call when the claim was right exactly half of its standing time', () => {
    // 0.8 (hit) Jan 1–3, 0.2 (miss) Jan 3 to the close at Jan 5 → hit fraction ½
    const s = scorePrediction(binary('2025-01-04'), [p('a', '2025-01-01', 0.8), p('b', '2025-01-03', 0.2)], yes);
    expect([s.hitFraction, s.verdict]).toEqual([0.5, 'no-call']);
  });

  it('marks a probability as implied when any standing forecast took it from wording', () => {
    const worded = {
      id: 'w',
      madeAt: '2025-01-02',
      estimate: { kind: 'binary' as const },
      confidence: { wording: 'likely', impliedProbability: 0.66, scale: 'ipcc-ar5' as const },
    };
    expect(scorePrediction(binary('2025-01-04'), [p('a', '2025-01-01', 0.5), worded], yes).probabilitySource).toBe('implied');
  });

  it('keeps only the metrics every standing forecast has: an update from a point to a range drops the point metrics', () => {
    // point 100 Jan 1–3 (2 days, 20% off → miss), range 110–130 Jan 3–5 (2 days, holds 125 → hit); outcome 125
    const fs = [
      { id: 'a', madeAt: '2025-01-01', estimate: { kind: 'numeric' as const, point: 100 } },
      { id: 'b', madeAt: '2025-01-03', estimate: { kind: 'numeric' as const, interval: { lower: 110, upper: 130 } } },
    ];
    const s = scorePrediction(numeric('2025-01-04'), fs, { outcome: { kind: 'numeric', value: 125 } });
    expect(s.absolutePercentageError).toBeUndefined();
    expect(s.intervalScore).toBeUndefined();
    expect([s.hitFraction, s.verdict]).toEqual([0.5, 'no-call']);
  });

  it('time-weights numeric errors across updates of the same kind', () => {
    // 90 for 3 days (10% off), 100 for 1 day (exact) against 100: APE ¾ × 0.1 + ¼ × 0 = 0.075; hits all along
    const fs = [
      { id: 'a', madeAt: '2025-01-01', estimate: { kind: 'numeric' as const, point: 90 } },
      { id: 'b', madeAt: '2025-01-04', estimate: { kind: 'numeric' as const, point: 100 } },
    ];
    const s = scorePrediction(numeric('2025-01-04'), fs, { outcome: { kind: 'numeric', value: 100 } });
    expectClose(s.absolutePercentageError!, 0.075);
    expectClose(s.absoluteError!, 7.5);
    expect([s.pointHitFraction, s.verdict]).toEqual([1, 'hit']);
  });

  it('time-weights whether a plan was achieved', () => {
    expect(scorePrediction(binary('2025-01-04', 'plan'), [p('a', '2025-01-01', 0.2)], yes).achievedFraction).toBe(1);
  });

  describe('invalid input', () => {
    it('fails when no forecast was made before the close', () => {
      expectLedgerError(() => scorePrediction(binary('2025-01-04'), [p('a', '2025-02-01', 0.5)], yes));
      expectLedgerError(() => scorePrediction(binary('2025-01-04'), [], yes));
    });

    it('fails when the outcome is of another kind than the question', () => {
      expectLedgerError(() => scorePrediction(binary('2025-01-04'), [p('a', '2025-01-01', 0.5)], { outcome: { kind: 'numeric', value: 1 } }));
    });
  });
});
