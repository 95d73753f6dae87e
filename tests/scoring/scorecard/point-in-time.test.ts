import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../../src/index.js';
import { buildLeaderboard, buildScorecard, loadScoringData } from '../../../src/scoring/index.js';
import { describeEachBackend } from '../../helpers/backends.js';
import { fixtureLedger } from './fixture-ledger.js';

describe('asOf: as things stood on that date', () => {
  let seed: Ledger;
  beforeAll(async () => {
    seed = await openLedger(':memory:');
    await seed.importPredictions('predictions/');
  });
  afterAll(() => seed.close());

  it('leaves out Hinton’s resolution (resolved 2025-10-18) as of 2025-10-01 and counts it as of 2025-11-01', async () => {
    const before = await seed.scorecard('geoffrey-hinton', { asOf: '2025-10-01' });
    const after = await seed.scorecard('geoffrey-hinton', { asOf: '2025-11-01' });
    const radiology = (card: typeof before) => card.predictions.find((p) => p.questionId === 'hinton-radiologists-obsolete')!;
    expect([radiology(before).verdict, radiology(before).outcome, before.counts.resolved, before.counts.pending, before.probability]).toEqual([
      'pending',
      undefined,
      0,
      1,
      undefined,
    ]);
    expect([radiology(after).verdict, radiology(after).resolvedOn, after.counts.resolved, after.probability?.n]).toEqual(['miss', '2025-10-18', 1, 1]);
  });

  it('ranks Hinton on the leaderboard as of 2025-11-01, not as of 2025-10-01', async () => {
    const ranked = async (asOf: string) => (await seed.leaderboard({ asOf })).entries.map((e) => e.forecasterId);
    expect(await ranked('2025-10-01')).not.toContain('geoffrey-hinton');
    expect(await ranked('2025-11-01')).toContain('geoffrey-hinton');
  });
});

describeEachBackend('asOf on the fixture ledger', (backend) => {
  it('leaves out forecasts made after asOf, and the questions they alone made', async () => {
    const ledger = await fixtureLedger(backend);
    try {
      // alice's only forecast on q-ipo-date was made 2026-01-15.
      const card = await ledger.scorecard('alice', { asOf: '2026-01-10' });
      expect(card.predictions.map((p) => p.questionId)).not.toContain('q-ipo-date');
      expect((await ledger.scorecard('alice', { asOf: '2026-01-15' })).predictions.map((p) => p.questionId)).toContain('q-ipo-date');
    } finally {
      await ledger.close();
    }
  });

  it('keeps the resolution a later correction replaced, until the correction was recorded', async () => {
    // q-launch: yes on 2026-03-31, corrected to no (resolvedOn 2026-04-02), both recorded on 2026-06-01 (the fixture's clock).
    const ledger = await fixtureLedger(backend);
    try {
      const launch = async (asOf: string) => (await ledger.scorecard('carol', { asOf })).predictions.find((p) => p.questionId === 'q-launch')!;
      expect([(await launch('2026-03-30')).verdict, (await launch('2026-03-30')).outcome]).toEqual(['pending', undefined]);
      expect([(await launch('2026-05-01')).outcome, (await launch('2026-05-01')).corrected]).toEqual([{ kind: 'binary', value: true }, false]);
      expect([(await launch('2026-06-01')).outcome, (await launch('2026-06-01')).corrected]).toEqual([{ kind: 'binary', value: false }, true]);
      // The pure builder does the same from loadScoringData's output, which carries the corrected question's history.
      const data = await loadScoringData(ledger);
      expect(buildScorecard(data, 'carol', { asOf: '2026-05-01' }).predictions.find((p) => p.questionId === 'q-launch')!.outcome).toEqual({
        kind: 'binary',
        value: true,
      });
    } finally {
      await ledger.close();
    }
  });
});

describeEachBackend('recordedBy: as the ledger knew it on that date', (backend) => {
  it('leaves out what was recorded after the date, whatever dates the records carry', async () => {
    let now = new Date('2026-01-01T09:00:00Z');
    const ledger = await backend.open({ now: () => now });
    try {
      await ledger.addForecaster({ id: 'ann', name: 'Ann', type: 'person' });
      await ledger.addQuestion({
        id: 'q-snow',
        kind: 'binary',
        title: 'Snow by March',
        statement: 'Will it snow by 2026-03-01?',
        resolution: { resolveOn: '2026-03-01', horizon: 'by March', semantics: 'by', criteria: 'the weather service' },
      });
      await ledger.addForecast({ questionId: 'q-snow', forecasterId: 'ann', madeAt: '2026-01-01', estimate: { kind: 'binary', probability: 0.9 } });
      now = new Date('2026-03-20T09:00:00Z');
      // Recorded on 2026-03-20, though it happened on 2026-02-10.
      await ledger.resolve('q-snow', { outcome: true, resolvedOn: '2026-02-10', evidence: [{ description: 'the weather service' }] });
      const verdict = async (recordedBy: string) => (await ledger.scorecard('ann', { recordedBy })).predictions[0]!.verdict;
      expect(await verdict('2026-03-01')).toBe('pending');
      expect(await verdict('2026-03-20')).toBe('hit');
      // asOf alone goes by the resolution's date: it stood resolved on 2026-03-01.
      expect((await ledger.scorecard('ann', { asOf: '2026-03-01' })).predictions[0]!.verdict).toBe('hit');
      expect((await ledger.leaderboard({ recordedBy: '2026-03-01' })).entries).toEqual([]);
      expect((await ledger.leaderboard({ recordedBy: '2026-03-20' })).entries.map((e) => e.forecasterId)).toEqual(['ann']);
      // Nothing was recorded by 2025-12-31: Ann has no claims then.
      expect((await ledger.scorecard('ann', { recordedBy: '2025-12-31' })).predictions).toEqual([]);
    } finally {
      await ledger.close();
    }
  });

  it('is refused by the pure builders, which have no recording times, and checked to be a date', async () => {
    const data = { forecasters: [], questions: [], forecasts: [] };
    expect(() => buildScorecard(data, 'ann', { recordedBy: '2026-01-01' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => buildLeaderboard(data, { recordedBy: '2026-01-01' })).toThrow(/options\.recordedBy/);
    const ledger = await backend.open();
    try {
      await expect(ledger.leaderboard({ recordedBy: '2026-02-30' })).rejects.toMatchObject({ code: 'validation_failed' });
    } finally {
      await ledger.close();
    }
  });
});
