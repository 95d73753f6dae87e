/**
 * `verify()`'s check of the SQLite file itself (`PRAGMA integrity_check` or `quick_check`): on a
 * second, query-only connection in a worker thread for a large file, so it runs beside the chain
 * walk on another core; on the store's own connection otherwise.
 *
 * @internal
 * @module
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { StorageCheck } from '../../engine/storage-adapter.js';
import type { VerifyProblem } from '../types.js';

/**
 * The tunables of the storage check; tests lower the threshold and watch the workers.
 *
 * @internal
 */
export const storageCheckSettings: {
  /**
   * The smallest database (pages × page size, WAL included) checked in a worker thread. Below it the
   * thread's start (~30–50 ms) costs more than running the check beside the chain walk saves.
   */
  workerMinBytes: number;
  /** The fewest cores (`os.availableParallelism()`) with which a worker is used: on one core it only adds its start. */
  workerMinCores: number;
  /** Called with each worker started (tests check that it is terminated). */
  onWorker: ((worker: Worker) => void) | undefined;
  /** The driver module the worker requires, when not the better-sqlite3 this package resolves (tests give one that does not load). */
  driver: string | undefined;
} = { workerMinBytes: 16 * 2 ** 20, workerMinCores: 2, onWorker: undefined, driver: undefined };

/** The rows of `PRAGMA <pragma>(20)` as problems: none when the only row is `ok`. */
function problemsOf(pragma: string, messages: readonly string[]): VerifyProblem[] {
  return messages.filter((m) => m !== 'ok').map((m) => ({ table: 'database', message: `SQLite ${pragma}: ${m}: the file is damaged` }));
}

/** The problem of a check that could not run. */
function failed(pragma: string, message: string): VerifyProblem[] {
  return [{ table: 'database', message: `PRAGMA ${pragma} failed: ${message}` }];
}

/** The check's pragma. */
function pragmaOf(quick: boolean): string {
  return quick ? 'quick_check' : 'integrity_check';
}

/**
 * Runs the check on `db` now (synchronously): its problems, or the `PRAGMA … failed` problem when
 * the driver throws.
 *
 * @param db - the connection (inside the snapshot's read transaction, when called from verify)
 * @param quick - `quick_check` instead of `integrity_check`
 * @returns the problems found
 * @internal
 */
export function checkStorageOn(db: Database.Database, quick: boolean): VerifyProblem[] {
  const pragma = pragmaOf(quick);
  try {
    const rows = db.pragma(`${pragma}(20)`, { simple: false }) as Record<string, unknown>[];
    return problemsOf(
      pragma,
      rows.map((r) => String(Object.values(r)[0])),
    );
  } catch (error) {
    return failed(pragma, (error as Error).message);
  }
}

/** The check run on `db` at once, as a {@link StorageCheck} already done. */
function checkedNow(db: Database.Database, quick: boolean): StorageCheck {
  const problems = checkStorageOn(db, quick);
  return { result: async () => problems, cancel: async () => {} };
}

/**
 * The worker's program, CommonJS evaluated as a string: no file of its own to find next to a
 * bundled `dist/` entry point, and it `require`s the driver by the absolute path the store's own
 * `import` resolves to. It posts one message: the pragma's rows, the pragma's error, or
 * `unavailable` (the driver or the file could not be opened: the caller checks on its connection).
 *
 * The connection is opened read-write (unless the store's own is read-only) and made read-only
 * with `PRAGMA query_only`: on a connection opened with `SQLITE_OPEN_READONLY`, SQLite's
 * `integrity_check` skips the tables' CHECK constraints (seen with the bundled SQLite: a flipped
 * byte in a CHECK of `resolutions` is reported on a read-write connection and passes on a
 * read-only one), and the worker must report what the store's connection would.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { driver, file, pragma, readonly } = workerData;
let db;
try {
  const Database = require(driver);
  db = new Database(file, { readonly, fileMustExist: true, timeout: 5000 });
  db.pragma('query_only = ON');
} catch (error) {
  db?.close();
  db = undefined;
  parentPort.postMessage({ unavailable: String((error && error.message) || error) });
}
if (db) {
  try {
    const rows = db.pragma(pragma + '(20)', { simple: false });
    parentPort.postMessage({ rows: rows.map((r) => String(Object.values(r)[0])) });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  } finally {
    db.close();
  }
}
`;

/** What the worker posts. */
type WorkerMessage = { rows: string[] } | { error: string } | { unavailable: string };

/** The absolute path of the better-sqlite3 module this package imports (`null` when it cannot be resolved). */
let driverPath: string | null | undefined;
function resolveDriver(): string | null {
  if (driverPath === undefined) {
    try {
      driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      driverPath = null;
    }
  }
  return driverPath;
}

/**
 * The file of `db`'s main database when it should be checked in a worker: a file (not `:memory:`
 * or a temporary database) of at least {@link storageCheckSettings}.workerMinBytes, on a machine
 * of `workerMinCores` cores or more. `undefined`
 * when the check should run on the connection (and whenever the connection cannot say: that path
 * then reports the error).
 */
function workerTarget(db: Database.Database): string | undefined {
  if (db.memory || availableParallelism() < storageCheckSettings.workerMinCores) return undefined;
  try {
    // The absolute path SQLite opened (db.name may be relative to a working directory since left).
    const main = (db.pragma('database_list') as { name: string; file: string }[]).find((d) => d.name === 'main');
    if (!main?.file) return undefined;
    const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    return bytes >= storageCheckSettings.workerMinBytes ? main.file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the storage check of `db`: in a worker thread on a second connection to the same file
 * (`query_only`) when the file is large enough ({@link storageCheckSettings}), else on `db` at once.
 *
 * @remarks
 * The worker's connection reads the last committed state of the file, in its own read transaction;
 * the snapshot that `verify()` walks is the same state unless another connection commits in
 * between, and the check is of the file's structure, not of the ledger's content. When the worker
 * cannot load the driver or open the file, the check runs on `db` when its result is asked for
 * (still inside the snapshot). The worker is terminated when the result is in and by
 * {@link StorageCheck.cancel}.
 *
 * @param db - the store's connection
 * @param quick - `quick_check` instead of `integrity_check`
 * @returns the check under way
 * @internal
 */
export function startStorageCheck(db: Database.Database, quick: boolean): StorageCheck {
  const file = workerTarget(db);
  const driver = file === undefined ? null : (storageCheckSettings.driver ?? resolveDriver());
  if (file === undefined || driver === null) return checkedNow(db, quick);
  const pragma = pragmaOf(quick);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, pragma, readonly: db.readonly } });
  } catch {
    return checkedNow(db, quick);
  }
  storageCheckSettings.onWorker?.(worker);
  // `undefined`: the worker could not run the check; the connection runs it instead.
  const outcome = new Promise<VerifyProblem[] | undefined>((resolve) => {
    worker.once('message', (m: WorkerMessage) => resolve('rows' in m ? problemsOf(pragma, m.rows) : 'error' in m ? failed(pragma, m.error) : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  let stopped: Promise<unknown> | undefined;
  const stop = (): Promise<unknown> => (stopped ??= worker.terminate());
  return {
    result: async () => {
      try {
        return (await outcome) ?? checkStorageOn(db, quick);
      } finally {
        await stop();
      }
    },
    cancel: async () => {
      await stop();
    },
  };
}
