import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import { numericQuestion, predictionFile } from '../helpers/fixtures.js';

describe('exportData and import', () => {
  it('gives identical state and a verifying chain in a new ledger', async () => {
    const ledger = await openLedger(':memory:');
    await ledger.importPredictions(predictionFile(6));
    await ledger.addQuestion(numericQuestion());
    await ledger.addForecast({
      questionId: 'q-numeric',
      forecasterId: 'alice',
      madeAt: '2025-10-08T12:00:00Z',
      estimate: { kind: 'numeric', point: 10750, interval: { lower: 9000, upper: 12000, level: 0.8 } },
    });
    await ledger.resolve('q-0', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'report', url: 'https://example.org/r' }] });
    await ledger.correctResolution('q-0', { outcome: false, resolvedOn: '2026-03-02', evidence: [{ description: 'better' }], reason: 'misread' });
    await ledger.annul('q-1', { reason: 'premise failed', resolvedOn: '2026-04-01' });
    await ledger.markAmbiguous('q-2', { reason: 'sources disagree', resolvedOn: '2026-04-02' });
    const exported = await ledger.exportData();

    const copy = await openLedger(':memory:');
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
