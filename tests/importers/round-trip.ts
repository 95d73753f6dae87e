// Shared checks for the importers: import → export → import gives the same ledger, on every backend; provenance everywhere.
import { expect } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import type { PlatformImport } from '../../src/importers/index.js';
import { BACKENDS } from '../helpers/backends.js';

/**
 * Imports a platform result into a fresh in-memory ledger, checks provenance, then imports its export
 * into a fresh ledger on every backend of the matrix, which must export the same; returns the first ledger.
 */
export async function importAndRoundTrip(result: PlatformImport): Promise<Ledger> {
  const ledger = await openLedger(':memory:');
  await ledger.importPredictions(result.predictions);
  const exported = await ledger.exportData();
  for (const record of [...exported.forecasters, ...exported.questions, ...exported.forecasts, ...exported.resolutions]) {
    expect(record.provenance?.platform, JSON.stringify(record).slice(0, 200)).toBe(result.platform);
  }
  for (const backend of BACKENDS) {
    const copy = await backend.open();
    await copy.importPredictions(JSON.parse(JSON.stringify(exported)));
    expect(await copy.exportData(), `round trip on ${backend.name}`).toEqual(exported);
  }
  return ledger;
}
