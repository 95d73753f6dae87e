// Shared checks for the importers: import → export → import gives the same ledger; provenance everywhere.
import { expect } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import type { PlatformImport } from '../../src/importers/index.js';

/** Imports a platform result into a fresh ledger, checks provenance and the round trip, and returns the ledger. */
export async function importAndRoundTrip(result: PlatformImport): Promise<Ledger> {
  const ledger = await openLedger(':memory:');
  await ledger.importPredictions(result.predictions);
  const exported = await ledger.exportData();
  for (const record of [...exported.forecasters, ...exported.questions, ...exported.forecasts, ...exported.resolutions]) {
    expect(record.provenance?.platform, JSON.stringify(record).slice(0, 200)).toBe(result.platform);
  }
  const copy = await openLedger(':memory:');
  await copy.importPredictions(JSON.parse(JSON.stringify(exported)));
  expect(await copy.exportData()).toEqual(exported);
  await copy.close();
  return ledger;
}
