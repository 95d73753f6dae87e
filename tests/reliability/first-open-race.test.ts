// Issue 9, item 1: four processes opening one new file at once failed about one time in sixteen
// (`table schema_migrations already exists`, `migration_failed`): two of them both saw no
// schema_migrations table and both created it. Migrations now take the write lock first
// (BEGIN IMMEDIATE) and read the state inside it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../helpers/sqlite-migrations.js';
import { tempDir } from '../helpers/temp.js';
import { openLedger } from '../../src/index.js';
import { start, waitFor } from './processes.js';
import { scaled } from './scale.js';

const TRIALS = scaled(4, 30);
const PROCESSES = 4;

interface OpenResult {
  ok: boolean;
  applied?: number[];
  verified?: boolean;
  code?: string;
  message?: string;
}

describe(`${PROCESSES} processes opening one new ledger file at once`, () => {
  it('waits for another process holding the write lock on the new file, instead of failing at once', async () => {
    // Switching a new file to WAL takes a read lock, then asks for the write lock while holding it:
    // SQLite never waits there (no busy handler), so this open used to fail with "database is locked".
    const db = join(tempDir(), 'new.sqlite');
    const holder = start('hold-lock.mjs', [db, '400']);
    expect(await waitFor(holder, 'locked')).toBe(true);
    const ledger = await openLedger(db);
    expect((await ledger.verify()).ok).toBe(true);
    await ledger.close();
    expect((await holder.done).code).toBe(0);
  });

  it(`all succeed, with one schema, each migration applied once (${TRIALS} trials)`, { timeout: 20_000 + TRIALS * 5_000 }, async () => {
    const dir = tempDir();
    let opens = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = join(dir, `new-${trial}.sqlite`);
      const go = join(dir, `go-${trial}`);
      const children = Array.from({ length: PROCESSES }, () => start('open-ledger.mjs', [db, go]));
      // Every process is started and polling before the file may be opened: they open together.
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(go, '');
      const results = await Promise.all(children.map((c) => c.done));
      const parsed = results.map((r) => {
        expect(r.code, `trial ${trial}: ${r.stdout}${r.stderr}`).toBe(0);
        return JSON.parse(r.stdout) as OpenResult;
      });
      for (const r of parsed) expect(r).toMatchObject({ ok: true, verified: true });
      // Each migration was applied by exactly one of them.
      expect(parsed.flatMap((r) => r.applied!).sort((a, b) => a - b)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
      const check = new Database(db, { readonly: true });
      expect(check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
      check.close();
      opens += PROCESSES;
    }
    expect(opens).toBe(TRIALS * PROCESSES);
  });
});
