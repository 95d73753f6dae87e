// PostgresStore.read(fn): the reads inside share one snapshot; what fn throws passes through; the
// reader refuses calls once fn has settled (its connection is back in the pool by then).
import { describe, expect, it } from 'vitest';
import { LedgerError, openLedger } from '../../src/index.js';
import { forecaster, predictionFile } from '../helpers/fixtures.js';
import { freshDatabase } from '../helpers/postgres.js';

describe('read() on PostgreSQL', () => {
  it('runs the reads of one snapshot one after another on its connection (pg 9 will refuse overlapping queries)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const ledger = await openLedger(await freshDatabase());
      await ledger.importPredictions(predictionFile(3));
      await ledger.exportData();
      await ledger.leaderboard();
      await ledger.scorecard('alice');
      await ledger.close();
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
  });

  it('does not see a write committed by another connection between its reads', async () => {
    const url = await freshDatabase();
    const ledger = await openLedger(url);
    const other = await openLedger(url);
    await ledger.addForecaster(forecaster('alice', 'Alice'));
    const [before, after] = await ledger.store.read(async (r) => {
      const first = await r.counts();
      await other.addForecaster(forecaster('bob', 'Bob')); // commits while the snapshot is open
      return [first, await r.counts()];
    });
    expect(after).toEqual(before);
    expect((await ledger.store.counts()).forecasters).toBe(2);
    await other.close();
    await ledger.close();
  });

  it('passes what the function throws through unchanged, and refuses the reader afterwards', async () => {
    const ledger = await openLedger(await freshDatabase());
    const mine = new Error('mine');
    await expect(ledger.store.read(async () => Promise.reject(mine))).rejects.toBe(mine);
    const escaped = await ledger.store.read(async (r) => r);
    const error = await escaped.counts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).message).toMatch(/the snapshot has ended/);
    expect((await ledger.store.counts()).forecasters).toBe(0);
    await ledger.close();
  });
});
