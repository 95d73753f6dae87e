// Issue 9, item 2: copying only the .sqlite file of a ledger in WAL mode silently drops the newest
// events. `ledger.backup()` / `forecast-ledger backup` copy with SQLite's online backup API instead.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LedgerError, openLedger, type Ledger } from '../../src/index.js';
import { BackupJson } from '../cli/schemas.js';
import { predictionFile } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { CLI, run, start, waitFor } from './processes.js';

/** A file ledger whose newest commits are still in its -wal file (no checkpoint yet). */
async function ledgerWithWal(dir: string): Promise<{ ledger: Ledger; path: string }> {
  const path = join(dir, 'ledger.sqlite');
  const ledger = await openLedger(path);
  (ledger.store as unknown as { database: Database.Database }).database.pragma('wal_autocheckpoint = 0');
  await ledger.importPredictions(predictionFile(30));
  return { ledger, path };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return (error as LedgerError).code;
}

describe('ledger.backup()', () => {
  it('copies what a copy of the .sqlite file alone loses: the commits still in the -wal file', async () => {
    const dir = tempDir();
    const { ledger, path } = await ledgerWithWal(dir);
    const { anchor, events } = await ledger.verify();
    // The unsafe way: the main file only.
    copyFileSync(path, join(dir, 'naive.sqlite'));
    const naive = await openLedger(join(dir, 'naive.sqlite'));
    expect((await naive.verify()).events).toBeLessThan(events);
    await naive.close();
    // The safe way.
    const report = await ledger.backup(join(dir, 'backup.sqlite'));
    expect(report).toEqual({ path: join(dir, 'backup.sqlite'), anchor, events });
    expect(existsSync(join(dir, 'backup.sqlite-wal'))).toBe(false);
    const raw = new Database(join(dir, 'backup.sqlite'), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    const copy = await openLedger(join(dir, 'backup.sqlite'));
    expect(await copy.verify({ expectedHead: anchor })).toMatchObject({ ok: true, anchor });
    expect(await copy.exportData()).toEqual(await ledger.exportData());
    await copy.close();
    await ledger.close();
  });

  it('refuses to replace an existing file unless asked, and never a ledger in use', async () => {
    const dir = tempDir();
    const { ledger, path } = await ledgerWithWal(dir);
    const taken = join(dir, 'taken.sqlite');
    writeFileSync(taken, 'precious');
    expect(await codeOf(ledger.backup(taken))).toBe('file_exists');
    expect(readFileSync(taken, 'utf8')).toBe('precious');
    expect((await ledger.backup(taken, { overwrite: true })).events).toBe((await ledger.verify()).events);
    // A live ledger (it has a -wal file) is never overwritten, even when asked.
    const other = await openLedger(join(dir, 'other.sqlite'));
    await other.importPredictions(predictionFile(1, 'o'));
    expect(await codeOf(ledger.backup(join(dir, 'other.sqlite'), { overwrite: true }))).toBe('file_exists');
    await other.close();
    expect(await codeOf(ledger.backup(path, { overwrite: true }))).toBe('validation_failed');
    for (const bad of ['', '   ', ':memory:', 'a\0b', 42, null]) expect(await codeOf(ledger.backup(bad as string))).toBe('validation_failed');
    for (const bad of [{ overwrite: 'yes' }, []]) expect(await codeOf(ledger.backup(join(dir, 'x.sqlite'), bad as object))).toBe('validation_failed');
    // An unknown option key is `unknown_option`, as on every other method.
    expect(await codeOf(ledger.backup(join(dir, 'x.sqlite'), { force: true } as object))).toBe('unknown_option');
    await ledger.close();
    expect(await codeOf(ledger.backup(join(dir, 'closed.sqlite')))).toBe('ledger_closed');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("never writes over the ledger's own -wal, -shm or -journal file, even when asked to overwrite", async () => {
    const dir = tempDir();
    const { ledger, path } = await ledgerWithWal(dir);
    const events = (await ledger.verify()).events;
    const wal = readFileSync(`${path}-wal`);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(await codeOf(ledger.backup(`${path}${suffix}`, { overwrite: true }))).toBe('validation_failed');
    expect(readFileSync(`${path}-wal`).equals(wal)).toBe(true);
    await ledger.close();
    const reopened = await openLedger(path);
    expect(await reopened.verify()).toMatchObject({ ok: true, events });
    await reopened.close();
  });

  it('refuses a ledger that does not verify, leaving nothing behind', async () => {
    const dir = tempDir();
    const { ledger, path } = await ledgerWithWal(dir);
    const raw = new Database(path);
    raw.exec("DELETE FROM forecasts WHERE id = 'q-3.alice'");
    raw.close();
    const error = await ledger.backup(join(dir, 'backup.sqlite')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage_error', message: expect.stringMatching(/does not verify/) });
    expect(readdirSync(dir).sort()).toEqual(['ledger.sqlite', 'ledger.sqlite-shm', 'ledger.sqlite-wal']);
    await ledger.close();
  });

  it('backs up an in-memory ledger', async () => {
    const ledger = await openLedger(':memory:');
    await ledger.importPredictions(predictionFile(3));
    const out = join(tempDir(), 'memory.sqlite');
    const { anchor } = await ledger.backup(out);
    const copy = await openLedger(out);
    expect((await copy.verify()).anchor).toBe(anchor);
    await copy.close();
    await ledger.close();
  });

  it('takes consistent copies while another process appends', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.sqlite');
    const setup = await openLedger(path);
    await setup.importPredictions(predictionFile(4));
    await setup.close();
    const writer = start('append.mjs', [path, 'alice', 'w', '300', 'q-0', 'q-1', 'q-2', 'q-3']);
    await waitFor(writer, 'opened');
    const ledger = await openLedger(path);
    const copies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { path: out } = await ledger.backup(join(dir, `copy-${i}.sqlite`));
      copies.push(out);
    }
    expect((await writer.done).code).toBe(0);
    const final = await ledger.verify();
    for (const out of copies) {
      const copy = await openLedger(out);
      const report = await copy.verify();
      expect(report.ok).toBe(true);
      // Each copy is a prefix of the final history: the ledger still holds the copy's head.
      expect((await ledger.verify({ expectedHead: report.anchor })).ok).toBe(true);
      expect(report.events).toBeLessThanOrEqual(final.events);
      await copy.close();
    }
    await ledger.close();
  });
});

describe('forecast-ledger backup', () => {
  it('writes a verified copy, refuses to overwrite without --overwrite', async () => {
    const dir = tempDir();
    const db = join(dir, 'ledger.sqlite');
    const ledger = await openLedger(db);
    await ledger.importPredictions(predictionFile(5));
    const { anchor, events } = await ledger.verify();
    await ledger.close();
    const out = join(dir, 'copy.sqlite');
    const first = await run(CLI, ['backup', '--out', out, '--db', db, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(BackupJson.parse(JSON.parse(first.stdout))).toEqual({ db, out, events, anchor });
    const again = await run(CLI, ['backup', '--out', out, '--db', db]);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).toMatch(/--overwrite/);
    const replaced = await run(CLI, ['backup', '--out', out, '--db', db, '--overwrite']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain(`anchor ${anchor}`);
    const verified = await run(CLI, ['verify', '--db', out, '--expect-head', anchor]);
    expect(verified.code, verified.stderr).toBe(0);
  });

  it("makes the folder of --out, as export --out does; a folder it cannot make is the copy's failure, not the ledger's", async () => {
    const dir = tempDir();
    const db = join(dir, 'ledger.sqlite');
    const ledger = await openLedger(db);
    await ledger.importPredictions(predictionFile(5));
    await ledger.close();
    const out = join(dir, 'backups', '2026', 'ledger.sqlite');
    const made = await run(CLI, ['backup', '--out', out, '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    expect(readdirSync(join(dir, 'backups', '2026'))).toEqual(['ledger.sqlite']);
    // A file where the folder should be: storage_error (5), and the next step names --out, not --db or init.
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const refused = await run(CLI, ['backup', '--out', join(dir, 'not-a-folder', 'ledger.sqlite'), '--db', db]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/next: check that the --out folder can be written/);
    expect(refused.stderr).not.toMatch(/init/);
  });
});
