// PostgresStore.read(fn): the reads inside share one snapshot; what fn throws passes through; the
// reader refuses calls once fn has settled (its connection is back in the pool by then).
import { describe, expect, it } from 'vitest';
import { LedgerError, openLedger } from '../../src/index.js';
import { forecaster } from '../helpers/fixtures.js';
import { freshDatabase } from '../helpers/postgres.js';

describe('read() on PostgreSQL', () => {
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
