// verify()'s storage check (PRAGMA integrity_check / quick_check): in a worker thread on a second,
// query-only connection for a file over the threshold, on the store's connection otherwise. Both paths
// must find the same damage and give the same report; the worker never outlives verify().
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError, openLedger, type VerifyReport } from '../../src/index.js';
import { storageCheckSettings } from '../../src/storage/sqlite/sqlite-storage-check.js';
import { openTamperLedger } from '../helpers/tamper-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { prng } from '../reliability/processes.js';

const DEFAULT_MIN_BYTES = storageCheckSettings.workerMinBytes;
const DEFAULT_MIN_CORES = storageCheckSettings.workerMinCores;
let template: string;

// Kept for the whole file (tempDir() folders go after each test).
const templateDir = mkdtempSync(join(tmpdir(), 'forecast-ledger-storage-check-'));
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

beforeAll(async () => {
  template = join(templateDir, 'template.sqlite');
  const ledger = await openTamperLedger(template);
  await ledger.close(); // checkpoints the WAL: the template is one file
  const db = new Database(template);
  db.exec('VACUUM');
  db.close();
});

afterEach(() => {
  storageCheckSettings.workerMinBytes = DEFAULT_MIN_BYTES;
  storageCheckSettings.workerMinCores = DEFAULT_MIN_CORES;
  storageCheckSettings.onWorker = undefined;
  storageCheckSettings.driver = undefined;
});

/** A fresh copy of the populated ledger. */
function copy(): string {
  const path = join(tempDir(), 'ledger.sqlite');
  copyFileSync(template, path);
  return path;
}

/** Overwrites the root page of the index `name` (a leaf in this small ledger) with zeros. */
function zeroIndexPage(path: string, name: string): void {
  editPage(path, name, (page) => page.fill(0));
}

/** Turns the first `alice` in the root page of the index `name` into `alicf`: an entry no row matches. */
function editIndexKey(path: string, name: string): void {
  editPage(path, name, (page) => {
    const at = page.indexOf('alice');
    expect(at).toBeGreaterThanOrEqual(0);
    page[at + 4] = 'f'.charCodeAt(0);
  });
}

/** Edits the bytes of the root page of `name` in the file. */
function editPage(path: string, name: string, edit: (page: Buffer) => void): void {
  const db = new Database(path, { readonly: true });
  const page = (db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(name) as number) - 1;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  edit(bytes.subarray(page * pageSize, (page + 1) * pageSize));
  writeFileSync(path, bytes);
}

/** Writes a wrong freelist page count into the file header (offset 36): both checks see it. */
function wrongFreelistCount(path: string): void {
  const bytes = readFileSync(path);
  bytes.writeUInt32BE(bytes.readUInt32BE(36) + 3, 36);
  writeFileSync(path, bytes);
}

/** The worker for files of `bytes` or more, on any machine (one core too, as CI may have). */
function useWorkerAbove(bytes: number): void {
  storageCheckSettings.workerMinBytes = bytes;
  storageCheckSettings.workerMinCores = 1;
}

interface Run {
  report: VerifyReport;
  workers: Worker[];
}

/** verify() on `path` with the storage check in a worker (`worker`) or on the store's connection. */
async function verifyVia(path: string, via: 'worker' | 'connection', options: { quick?: boolean } = {}): Promise<Run> {
  useWorkerAbove(via === 'worker' ? 0 : Number.POSITIVE_INFINITY);
  const workers: Worker[] = [];
  storageCheckSettings.onWorker = (w) => workers.push(w);
  const ledger = await openLedger(path, { migrate: false });
  try {
    return { report: await ledger.verify(options), workers };
  } finally {
    await ledger.close();
  }
}

describe('storage check in a worker thread', () => {
  it('runs on a second connection for a file over the threshold, and the thread is gone when verify() returns', async () => {
    const { report, workers } = await verifyVia(copy(), 'worker');
    expect(report.ok).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.threadId).toBe(-1); // -1 once the thread has stopped
  });

  it.each([
    ['below the threshold (the default 16 MB for this small file)', DEFAULT_MIN_BYTES, DEFAULT_MIN_CORES],
    ['on a machine with fewer cores than workerMinCores', 0, availableParallelism() + 1],
  ])('stays on the connection %s', async (_, minBytes, minCores) => {
    storageCheckSettings.workerMinBytes = minBytes;
    storageCheckSettings.workerMinCores = minCores;
    const workers: Worker[] = [];
    storageCheckSettings.onWorker = (w) => workers.push(w);
    const ledger = await openLedger(copy(), { migrate: false });
    expect((await ledger.verify()).ok).toBe(true);
    await ledger.close();
    expect(workers).toHaveLength(0);
  });

  it('reports an index entry that no row matches, found by the worker', async () => {
    const path = copy();
    editIndexKey(path, 'forecasts_forecaster_cover');
    const { report, workers } = await verifyVia(path, 'worker');
    expect(workers).toHaveLength(1);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        table: 'database',
        message: expect.stringMatching(/^SQLite integrity_check: row \d+ missing from index forecasts_forecaster_cover: the file is damaged$/),
      },
    ]);
    expect(workers[0]!.threadId).toBe(-1);
  });

  it('reports a zeroed page the worker cannot read as the check failing', async () => {
    const path = copy();
    zeroIndexPage(path, 'questions_resolve_on');
    const { report, workers } = await verifyVia(path, 'worker');
    // The store's own connection gives the same report (its read snapshot's failed COMMIT is rolled back, not thrown).
    expect((await verifyVia(path, 'connection')).report).toEqual(report);
    expect(workers).toHaveLength(1);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toEqual({ table: 'database', message: 'PRAGMA integrity_check failed: database disk image is malformed' });
    expect(workers[0]!.threadId).toBe(-1);
  });

  it('reports a zeroed page with quick_check on the connection too, not as an exception', async () => {
    const path = copy();
    zeroIndexPage(path, 'questions_resolve_on');
    const { report } = await verifyVia(path, 'connection', { quick: true });
    expect(report.ok).toBe(false);
    const storage = report.problems.filter((p) => p.table === 'database');
    expect(storage.length).toBeGreaterThan(0);
    for (const p of storage) expect(p.message).toMatch(/^SQLite quick_check: .*: the file is damaged$/s);
  });

  it('gives the same report through the worker and through the connection on a damaged index', async () => {
    const path = copy();
    editIndexKey(path, 'forecasts_forecaster_cover');
    const viaWorker = await verifyVia(path, 'worker');
    const viaConnection = await verifyVia(path, 'connection');
    expect(viaWorker.report.ok).toBe(false);
    expect(viaWorker.report).toEqual(viaConnection.report);
  });

  for (const quick of [false, true]) {
    describe(quick ? 'quick_check' : 'integrity_check', () => {
      it('gives the same report through the worker and through the connection on a healthy file', async () => {
        const path = copy();
        const viaWorker = await verifyVia(path, 'worker', { quick });
        const viaConnection = await verifyVia(path, 'connection', { quick });
        expect(viaWorker.workers).toHaveLength(1);
        expect(viaConnection.workers).toHaveLength(0);
        expect(viaWorker.report).toEqual(viaConnection.report);
        expect(viaWorker.report.ok).toBe(true);
      });

      it('gives the same report through the worker and through the connection on a file with a wrong freelist count', async () => {
        const path = copy();
        wrongFreelistCount(path);
        const viaWorker = await verifyVia(path, 'worker', { quick });
        const viaConnection = await verifyVia(path, 'connection', { quick });
        expect(viaWorker.workers).toHaveLength(1);
        expect(viaWorker.report.ok).toBe(false);
        expect(viaWorker.report).toEqual(viaConnection.report);
        expect(viaWorker.report.problems.some((p) => p.message.startsWith(`SQLite ${quick ? 'quick_check' : 'integrity_check'}: `))).toBe(true);
      });
    });
  }

  it('terminates the thread when verify() throws', async () => {
    const migrationsDir = tempDir();
    const packaged = join(import.meta.dirname, '../../migrations/sqlite');
    for (const f of readdirSync(packaged)) copyFileSync(join(packaged, f), join(migrationsDir, f));
    useWorkerAbove(0);
    const workers: Worker[] = [];
    storageCheckSettings.onWorker = (w) => workers.push(w);
    const ledger = await openLedger(copy(), { migrate: false, migrationsDir });
    rmSync(migrationsDir, { recursive: true }); // the migration check cannot read the files: verify() throws
    await expect(ledger.verify()).rejects.toThrow();
    await ledger.close();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.threadId).toBe(-1);
  });

  it('falls back to the connection when the worker cannot load the driver, with the same report', async () => {
    const path = copy();
    editIndexKey(path, 'forecasts_forecaster_cover');
    const expected = (await verifyVia(path, 'connection')).report;
    storageCheckSettings.driver = join(templateDir, 'no-such-driver.js');
    const { report, workers } = await verifyVia(path, 'worker');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.threadId).toBe(-1);
    expect(report).toEqual(expected);
    expect(report.ok).toBe(false);
  });

  it('runs on the connection for an in-memory ledger', async () => {
    useWorkerAbove(0);
    const workers: Worker[] = [];
    storageCheckSettings.onWorker = (w) => workers.push(w);
    const ledger = await openLedger(':memory:');
    const report = await ledger.verify();
    await ledger.close();
    expect(report.ok).toBe(true);
    expect(workers).toHaveLength(0);
  });

  it("uses the worker for a caller's { database } connection to a file", async () => {
    useWorkerAbove(0);
    const workers: Worker[] = [];
    storageCheckSettings.onWorker = (w) => workers.push(w);
    const database = new Database(copy());
    const ledger = await openLedger({ database }, { migrate: false });
    const report = await ledger.verify();
    await ledger.close();
    database.close();
    expect(report.ok).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.threadId).toBe(-1);
  });

  // Trial 2 flips a byte in a CHECK constraint of `resolutions`: a connection opened read-only
  // (SQLITE_OPEN_READONLY) passes it, so the worker's connection is read-write and query_only.
  it('agrees with the connection on random byte flips (30 seeded trials)', { timeout: 60_000 }, async () => {
    const random = prng(11);
    /** The report, or the LedgerError thrown while opening or verifying. */
    const attempt = async (path: string, via: 'worker' | 'connection'): Promise<VerifyReport | LedgerError> => {
      try {
        return (await verifyVia(path, via)).report;
      } catch (error) {
        if (error instanceof LedgerError) return error;
        throw error;
      }
    };
    for (let trial = 0; trial < 30; trial++) {
      const path = copy();
      const bytes = readFileSync(path);
      for (let i = 0; i < 2 ** (trial % 4); i++) {
        const at = 100 + Math.floor(random() * (bytes.length - 100)); // past the 100-byte file header
        bytes[at] = bytes[at]! ^ (1 + Math.floor(random() * 255));
      }
      writeFileSync(path, bytes);
      const viaWorker = await attempt(path, 'worker');
      const viaConnection = await attempt(path, 'connection');
      expect(viaWorker, `trial ${trial}`).toEqual(viaConnection);
    }
  });
});
