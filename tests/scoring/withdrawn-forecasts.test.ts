import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import { buildLeaderboard, buildScorecard, loadScoringData, standingWeights } from '../../src/scoring/index.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';

/** A ledger whose clock the test moves: the withdrawal's time is its recording time. */
async function clockedLedger(): Promise<{ ledger: Ledger; at: (iso: string) => void }> {
  let now = new Date('2026-01-01T00:00:00Z');
  const ledger = await openLedger(':memory:', { now: () => now });
  return { ledger, at: (iso) => void (now = new Date(iso)) };
}

// The hand-worked example of docs/scoring.md, "Withdrawn forecasts". q comes due 2026-01-31 (close: 2026-02-01T00:00Z).
// alice: 0.2 on Jan 1, 0.9 on Jan 11, the 0.9 withdrawn on Jan 26 (nothing stands from then on); it resolves yes.
//   0.2 stood Jan 1 → Jan 11 (10 days), 0.9 stood Jan 11 → Jan 26 (15 days); covered 25 of the 31 days.
//   Brier = 10/25 · (0.2 − 1)² + 15/25 · (0.9 − 1)² = 0.4 · 0.64 + 0.6 · 0.01 = 0.262; hit fraction 0.6 → hit.
// Dropping the withdrawn forecast entirely (the old rule) would give 0.64 and a miss.
async function workedExample(): Promise<Ledger> {
  const { ledger, at } = await clockedLedger();
  await ledger.addForecaster(forecaster());
  await ledger.addForecaster(forecaster('bob', 'Bob'));
  await ledger.addAggregate({ id: 'pool', name: 'Pool of Alice', method: 'mean', members: ['alice'] });
  await ledger.addQuestion(binaryQuestion('q', '2026-01-31'));
  await ledger.addForecast({ ...binaryForecast('q', 'alice', 0.2, '2026-01-01'), id: 'a1' });
  await ledger.addForecast({ ...binaryForecast('q', 'bob', 0.5, '2026-01-01'), id: 'b1' });
  at('2026-01-11T00:00:00Z');
  await ledger.addForecast({ ...binaryForecast('q', 'alice', 0.9, '2026-01-11'), id: 'a2' });
  at('2026-01-26T00:00:00Z');
  await ledger.withdrawForecast('a2', { reason: 'changed my mind, no view now' });
  at('2026-02-02T00:00:00Z');
  await ledger.resolve('q', { outcome: true, resolvedOn: '2026-01-31', evidence: [{ description: 'report' }] });
  return ledger;
}

describe('withdrawn forecasts: they stop counting when withdrawn, the time before still counts', () => {
  it('scores the hand-worked example on the scorecard and the leaderboard: Brier 0.262, a hit, coverage 25/31', async () => {
    const ledger = await workedExample();
    const card = await ledger.scorecard('alice', { asOf: '2026-02-02' });
    const q = card.predictions[0]!;
    expect(q.score?.brier).toBeCloseTo(0.262, 12);
    expect(q.score?.hitFraction).toBeCloseTo(0.6, 12);
    expect([q.verdict, q.forecasts, q.withdrawn]).toEqual(['hit', 2, 1]);
    expect(q.coverage).toBeCloseTo(25 / 31, 12);
    const board = await ledger.leaderboard({ asOf: '2026-02-02' });
    expect(board.entries.find((e) => e.forecasterId === 'alice')?.meanBrier).toBeCloseTo(0.262, 12);
    // The loader's data gives the same figures to the pure builders (the path stored scores take).
    const data = await loadScoringData(ledger.store);
    expect(buildScorecard(data, 'alice', { asOf: '2026-02-02' }).predictions[0]!.score?.brier).toBe(q.score?.brier);
    expect(buildLeaderboard(data, { asOf: '2026-02-02' }).entries.find((e) => e.forecasterId === 'alice')?.meanBrier).toBe(q.score?.brier);
    await ledger.close();
  });

  it('leaves the earlier forecast withdrawn: it does not stand again', async () => {
    const ws = standingWeights(
      [
        { madeAt: '2026-01-01', id: 'a1' },
        { madeAt: '2026-01-11', id: 'a2', withdrawnAt: '2026-01-26T00:00:00Z' },
      ],
      '2026-02-01T00:00:00Z',
    );
    expect(ws.map((w) => [w.forecast.id, w.weight])).toEqual([
      ['a1', 0.4],
      ['a2', 0.6],
    ]);
    expect(new Date(ws[1]!.to).toISOString()).toBe('2026-01-26T00:00:00.000Z');
    // The TSDoc example of standingWeights.
    const wd = standingWeights(
      [
        { madeAt: '2025-01-01', id: 'a', withdrawnAt: '2025-01-02' },
        { madeAt: '2025-01-04', id: 'b' },
      ],
      '2025-01-05',
    );
    expect(wd.map((w) => w.weight)).toEqual([0.5, 0.5]);
  });

  it('gives the same weights as before for a withdrawal after the close, and leaves out a forecast withdrawn when made', () => {
    const plain = standingWeights(
      [
        { madeAt: '2026-01-01', id: 'a' },
        { madeAt: '2026-01-04', id: 'b' },
      ],
      '2026-01-05',
    );
    const late = standingWeights(
      [
        { madeAt: '2026-01-01', id: 'a' },
        { madeAt: '2026-01-04', id: 'b', withdrawnAt: '2026-01-09' },
      ],
      '2026-01-05',
    );
    expect(late.map((w) => [w.from, w.to, w.weight])).toEqual(plain.map((w) => [w.from, w.to, w.weight]));
    const never = standingWeights(
      [
        { madeAt: '2026-01-01', id: 'a' },
        { madeAt: '2026-01-04', id: 'b', withdrawnAt: '2026-01-04' },
      ],
      '2026-01-05',
    );
    expect(never.map((w) => [w.forecast.id, w.weight])).toEqual([['a', 1]]);
    expect(() => standingWeights([{ madeAt: '2026-01-04', id: 'b', withdrawnAt: '2026-01-03' }], '2026-01-05')).toThrow(/not withdrawn when made/);
  });

  it('counts a forecast withdrawn after asOf as standing then (the withdrawal did not exist yet)', async () => {
    const { ledger, at } = await clockedLedger();
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion('q', '2026-12-31'));
    await ledger.addForecast({ ...binaryForecast('q', 'alice', 0.7, '2026-01-01'), id: 'a1' });
    at('2026-03-10T12:00:00Z');
    await ledger.withdrawForecast('a1', { reason: 'no view' });
    const withdrawn = async (options: { asOf?: string; recordedBy?: string }) => (await ledger.scorecard('alice', options)).predictions[0]!.withdrawn;
    expect(await withdrawn({ asOf: '2026-03-09' })).toBeUndefined();
    expect(await withdrawn({ asOf: '2026-03-10' })).toBe(1);
    expect(await withdrawn({ recordedBy: '2026-03-09' })).toBeUndefined();
    expect(await withdrawn({ recordedBy: '2026-03-10' })).toBe(1);
    await ledger.close();
  });

  it('an aggregate stops standing when every member forecast is withdrawn', async () => {
    const ledger = await workedExample();
    // The pool of one member scores exactly as the member: 0.262 (it would be 10/31 · 0.64 + 21/31 · 0.01 if it kept the 0.9).
    expect((await ledger.scorecard('pool', { asOf: '2026-02-02' })).predictions[0]!.score?.brier).toBeCloseTo(0.262, 12);
    await ledger.close();
  });
});
