import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/index.js';
import { BACKENDS, describeEachBackend, type LedgerBackend } from '../helpers/backends.js';
import { numericQuestion, predictionFile } from '../helpers/fixtures.js';

/** A ledger with every kind of record and resolution: forecasts of two kinds, a correction, an annulment, an ambiguous question. */
async function filledLedger(backend: LedgerBackend): Promise<Ledger> {
  const ledger = await backend.open();
  await ledger.importPredictions(predictionFile(6));
  await ledger.addQuestion(numericQuestion());
  const estimate = { kind: 'numeric' as const, point: 10750, interval: { lower: 9000, upper: 12000, level: 0.8 } };
  await ledger.addForecast({ questionId: 'q-numeric', forecasterId: 'alice', madeAt: '2025-10-08T12:00:00Z', estimate });
  await ledger.resolve('q-0', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'report', url: 'https://example.org/r' }] });
  await ledger.correctResolution('q-0', { outcome: false, resolvedOn: '2026-03-02', evidence: [{ description: 'better' }], reason: 'misread' });
  await ledger.annul('q-1', { reason: 'premise failed', resolvedOn: '2026-04-01' });
  await ledger.markAmbiguous('q-2', { reason: 'sources disagree', resolvedOn: '2026-04-02' });
  return ledger;
}

describeEachBackend('exportData and import', (backend) => {
  it('gives identical state and a verifying chain in a new ledger', async () => {
    const ledger = await filledLedger(backend);
    const exported = await ledger.exportData();

    const copy = await backend.open();
    await copy.importPredictions(JSON.parse(JSON.stringify(exported)));
    expect(await copy.exportData()).toEqual(exported);
    expect(await copy.counts()).toEqual(await ledger.counts());
    for (const id of ['q-0', 'q-1', 'q-2', 'q-numeric']) {
      expect(await copy.getQuestion(id)).toEqual(await ledger.getQuestion(id));
    }
    const report = await copy.verify();
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.events).toBe((await ledger.verify()).events);
  });
});

describe('exportData and import across backends', () => {
  for (const from of BACKENDS) {
    for (const to of BACKENDS.filter((b) => b !== from)) {
      it(`gives an identical export from ${from.name} to ${to.name}`, async () => {
        const ledger = await filledLedger(from);
        const exported = await ledger.exportData();
        const copy = await to.open();
        await copy.importPredictions(JSON.parse(JSON.stringify(exported)));
        expect(await copy.exportData()).toEqual(exported);
        expect(await copy.leaderboard({ asOf: '2026-12-31' })).toEqual(await ledger.leaderboard({ asOf: '2026-12-31' }));
        expect((await copy.verify()).ok).toBe(true);
      });
    }
  }
});
