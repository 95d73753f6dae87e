// Backends differ by capability flags and an open report, chosen from the target by a table: shared
// code asks the flags, never the store's class.
import { describe, expect, it } from 'vitest';
import { LedgerError, openLedger, type LedgerStore } from '../../src/index.js';
import { SqliteStore } from '../../src/storage/sqlite/index.js';
import { SQLITE_MIGRATIONS, SQLITE_VERSION } from '../helpers/sqlite-migrations.js';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';

describe('capabilities and the open report', () => {
  it('a SQLite store says what it can do and what opening it did', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const first = await openLedger(file);
    expect(first.store.capabilities).toEqual({ backend: 'sqlite', fileBackup: true, storageCheck: true, networkWriters: false, storedScores: true });
    expect(Object.isFrozen(first.store.capabilities)).toBe(true); // shared by every store in the process
    expect(first.store.openReport).toMatchObject({ location: file, version: SQLITE_VERSION });
    expect(first.store.openReport.applied.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    await first.close();
    const again = await openLedger(file);
    expect(again.store.openReport).toEqual({ location: file, applied: [], version: SQLITE_VERSION });
    await again.close();
  });

  it('backup() asks the store whether it can copy itself to a file, not what class it is', async () => {
    const sqlite = SqliteStore.open(':memory:');
    // The same store, claiming no file backup (as a server database would): backup() is refused up front.
    const store: LedgerStore = Object.create(sqlite, {
      capabilities: { value: { ...sqlite.capabilities, backend: 'test', fileBackup: false } },
    }) as LedgerStore;
    const ledger = await openLedger({ store });
    const error = await ledger.backup(join(tempDir(), 'copy.sqlite')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('storage_error');
    expect((error as LedgerError).message).toMatch(/a test ledger cannot be copied to a file: use exportData\(\)/);
    await sqlite.close();
  });
});

describe('choosing the backend from the target', () => {
  it('refuses a URL no backend opens, naming it without its password', async () => {
    const error = await openLedger('mysql://admin:s3cret@db.example/ledger').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('validation_failed');
    expect((error as LedgerError).message).toContain('cannot open ledger mysql://admin:***@db.example/ledger');
    expect((error as LedgerError).message).not.toContain('s3cret');
  });

  it('opens a path and :memory: with SQLite', async () => {
    const dir = tempDir();
    for (const target of [join(dir, 'a.sqlite'), ':memory:']) {
      const ledger = await openLedger(target);
      expect(ledger.store.capabilities.backend).toBe('sqlite');
      await ledger.close();
    }
  });
});
