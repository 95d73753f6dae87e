// Ledgers carried SQLite → PostgreSQL → SQLite by export and import — the shipped predictions, and
// the scoring fixture (resolutions, corrections, annulments, withdrawals, point-in-time cases): every
// hop gives the same exportData, the same scorecards and the same leaderboard, byte for byte as JSON.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import { freshDatabase } from '../helpers/postgres.js';
import { fixtureLedger } from '../scoring/scorecard/fixture-ledger.js';
import { tempDir } from '../helpers/temp.js';

const PREDICTIONS = join(import.meta.dirname, '..', '..', 'predictions');

/** Everything a report reads, as JSON text: the export, every forecaster's scorecard, the leaderboard. */
async function reports(ledger: Ledger): Promise<{ exported: string; scorecards: string; leaderboard: string }> {
  const forecasters = await ledger.listForecasters();
  const scorecards = [];
  for (const f of forecasters) scorecards.push(await ledger.scorecard(f.id));
  return {
    exported: JSON.stringify(await ledger.exportData()),
    scorecards: JSON.stringify(scorecards),
    leaderboard: JSON.stringify(await ledger.leaderboard({ minResolved: 0 })),
  };
}

/** SQLite → PostgreSQL → SQLite, comparing the reports at each hop with the first ledger's. */
async function carryAcross(first: Ledger, now: () => Date): Promise<void> {
  const expected = await reports(first);

  const postgres = await openLedger(await freshDatabase(), { now });
  await postgres.importPredictions(await first.exportData());
  await first.close();
  const onPostgres = await reports(postgres);
  expect(onPostgres.exported).toBe(expected.exported);
  expect(onPostgres.scorecards).toBe(expected.scorecards);
  expect(onPostgres.leaderboard).toBe(expected.leaderboard);
  expect((await postgres.verify()).problems).toEqual([]);

  const back = await openLedger(':memory:', { now });
  await back.importPredictions(await postgres.exportData());
  await postgres.close();
  expect(await reports(back)).toEqual(expected);
  await back.close();
}

describe('export → import across backends', () => {
  it("SQLite → PostgreSQL → SQLite keeps the shipped predictions' export, scorecards and leaderboard identical", { timeout: 120_000 }, async () => {
    const now = () => new Date('2026-12-01T00:00:00Z');
    const first = await openLedger(join(tempDir(), 'first.sqlite'), { now });
    await first.importPredictions(PREDICTIONS);
    expect((await first.listForecasters()).length).toBeGreaterThan(5);
    await carryAcross(first, now);
  });

  it("SQLite → PostgreSQL → SQLite keeps the scoring fixture's export, scorecards and leaderboard identical", async () => {
    const first = await fixtureLedger();
    expect((await first.store.listResolutions()).length).toBeGreaterThan(5);
    await carryAcross(first, () => new Date('2026-06-01T12:00:00Z'));
  });
});
