// verify() on a file whose damage makes SQLite's own check fail (a zeroed index page: "database disk
// image is malformed") reports it as a problem; it does not throw, and the ledger closes cleanly.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import { openTamperLedger } from '../helpers/tamper-ledger.js';
import { tempDir } from '../helpers/temp.js';

/** Overwrites the root page of the index `name` with zeros. */
function zeroIndexPage(path: string, name: string): void {
  const db = new Database(path, { readonly: true });
  const page = (db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(name) as number) - 1;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0, page * pageSize, (page + 1) * pageSize);
  writeFileSync(path, bytes);
}

describe('verify() on a page SQLite cannot read', () => {
  it.each([false, true])('reports the damage as a problem, not an exception (quick: %s), and the ledger closes', async (quick) => {
    const path = join(tempDir(), 'ledger.sqlite');
    await (await openTamperLedger(path)).close(); // checkpoints the WAL: the ledger is one file
    zeroIndexPage(path, 'questions_resolve_on');
    const ledger = await openLedger(path);
    try {
      const report = await ledger.verify({ quick });
      expect(report.ok).toBe(false);
      const pragma = quick ? 'quick_check' : 'integrity_check';
      const storage = report.problems.filter((p) => p.table === 'database');
      expect(storage.length).toBeGreaterThan(0);
      for (const p of storage)
        expect(p.message).toMatch(new RegExp(`^(SQLite ${pragma}: .*the file is damaged|PRAGMA ${pragma} failed: database disk image is malformed)$`, 's'));
    } finally {
      await ledger.close();
    }
  });
});
