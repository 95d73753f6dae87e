// The ledger the tamper catalogues edit behind the library's back (tests/reliability/tamper.test.ts
// on SQLite, tests/postgres/tamper.test.ts on PostgreSQL): every kind of record, and a resolution
// recorded, corrected and annulled, so each table and column holds something to edit.
import { openLedger, type Ledger } from '../../src/index.js';
import { numericQuestion, predictionFile } from './fixtures.js';

/**
 * Opens the ledger at `target` (a file or a URL) with its clock after the numeric question's 2028
 * resolution (no resolution may be dated after it is recorded), and writes: four questions with
 * their sources, forecasters and forecasts; a numeric question and alice's forecast on it; `q-0`
 * resolved then corrected, `q-1` annulled; last, `q-numeric` resolved (so the newest event is that
 * resolution). Returns the open ledger.
 */
export async function openTamperLedger(target: string): Promise<Ledger> {
  const ledger = await openLedger(target, { now: () => new Date('2028-02-01T00:00:00Z') });
  await ledger.importPredictions(predictionFile(4));
  await ledger.addQuestion(numericQuestion());
  await ledger.addForecast({
    id: 'copper.alice',
    questionId: 'q-numeric',
    forecasterId: 'alice',
    madeAt: '2025-10-08',
    estimate: { kind: 'numeric', point: 9800 },
  });
  await ledger.resolve('q-0', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'report' }] });
  await ledger.correctResolution('q-0', { outcome: false, resolvedOn: '2026-03-02', evidence: [{ description: 'better report' }], reason: 'misread' });
  await ledger.annul('q-1', { reason: 'premise failed', resolvedOn: '2026-04-01' });
  await ledger.resolve('q-numeric', { outcome: 10120, resolvedOn: '2028-01-05', evidence: [{ description: 'LME' }] });
  return ledger;
}
