/**
 * The {@link StorageAdapter} over one better-sqlite3 connection: a serialized write transaction
 * (`BEGIN IMMEDIATE`), a read snapshot, and the connection lock every call on the connection takes.
 *
 * @internal
 * @module
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { Mutex } from '../../_internal/mutex.js';
import { ledgerClosed } from '../../engine/engine-store.js';
import type { HeadRow, OpenReport, SnapshotReader, StorageAdapter, StoreCapabilities, WriteTransaction } from '../../engine/storage-adapter.js';
import { LedgerError } from '../../errors.js';
import type { SqliteStoreOptions } from '../open-options.js';
import type { MigrationReport } from '../types.js';
import { defaultMigrationsDir, migrate, readMigrations } from './migrations.js';
import { retryWhileBusy } from './busy-retry.js';
import { SqliteAppender } from './sqlite-append.js';
import { SqliteFacts } from './sqlite-facts.js';
import { SqliteScores } from './sqlite-scores.js';
import { SqliteSnapshot } from './sqlite-verify.js';

const CAPABILITIES: StoreCapabilities = Object.freeze({ backend: 'sqlite', fileBackup: true, storageCheck: true, networkWriters: false, storedScores: true });

/**
 * Two locks, because better-sqlite3 transactions cannot span an `await`:
 * - one per connection, shared by every adapter on it: a write or snapshot holds it from `BEGIN` to
 *   `COMMIT`, so no other call on the connection (a read, another store's write) runs inside it;
 * - one per database file in this process, held by writes only: two connections to one file would
 *   otherwise deadlock, the second one's `BEGIN IMMEDIATE` waiting for SQLite's lock synchronously
 *   and blocking the event loop the first one needs to commit. Reads need no such lock (WAL readers
 *   never wait for a writer), and other processes are serialized by SQLite's own lock.
 * A write takes the connection's lock first, then the file's: one order, so no cycle.
 */
const connectionLocks = new WeakMap<Database.Database, Mutex>();
const fileWriteLocks = new Map<string, Mutex>();

function lockOf(db: Database.Database): Mutex {
  let lock = connectionLocks.get(db);
  if (!lock) connectionLocks.set(db, (lock = new Mutex()));
  return lock;
}

/** The write lock of the database file (`undefined` for `:memory:`, which no other connection shares). */
function fileWriteLockOf(db: Database.Database): Mutex | undefined {
  if (db.memory) return undefined;
  const key = canonicalPath(db.name);
  let lock = fileWriteLocks.get(key);
  if (!lock) fileWriteLocks.set(key, (lock = new Mutex()));
  return lock;
}

/** The file's real path (through symlinks), so two names for one file share a lock. */
function canonicalPath(name: string): string {
  try {
    return realpathSync(name);
  } catch {
    return resolve(name);
  }
}

/** Runs `fn`, turning a driver error into `storage_error` (a `LedgerError` passes as it is). @internal */
export function translated<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof LedgerError) throw error;
    throw new LedgerError('storage_error', `SQLite: ${(error as Error).message}`, { cause: error });
  }
}

/** Runs the synchronous `fn` now: its result, or its error ({@link translated}), as a promise. @internal */
export function settled<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(translated(fn));
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- translated() throws only Errors (LedgerError or the driver's)
    return Promise.reject(error);
  }
}

/**
 * The SQLite adapter: pragmas and migrations on open, then the engine's transactions.
 *
 * @internal
 */
export class SqliteAdapter implements StorageAdapter {
  readonly capabilities = CAPABILITIES;
  readonly openReport: OpenReport;
  readonly database: Database.Database;
  /** The stored scores' tables (issue 11). */
  readonly scores: SqliteScores;
  readonly #lock: Mutex;
  readonly #fileWriteLock: Mutex | undefined;
  readonly #now: () => Date;
  readonly #migrationsDir: string;
  readonly #tx: WriteTransaction;
  readonly #snapshot: SqliteSnapshot;
  readonly #control: { begin: Database.Statement; beginDeferred: Database.Statement; commit: Database.Statement; rollback: Database.Statement };
  #closed = false;

  /**
   * Sets the connection up (busy timeout, foreign keys, WAL, durability) and migrates it.
   *
   * @throws LedgerError the migration codes; a driver error as it is (the caller wraps it)
   */
  constructor(db: Database.Database, options: SqliteStoreOptions) {
    this.database = db;
    this.#lock = lockOf(db);
    this.#fileWriteLock = fileWriteLockOf(db);
    this.#now = options.now ?? (() => new Date());
    this.#migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!db.memory) retryWhileBusy(() => db.pragma('journal_mode = WAL'), 5000);
    db.pragma(`synchronous = ${(options.durability ?? 'full').toUpperCase()}`);
    const report = migrate(db, readMigrations(this.#migrationsDir), this.#now, options.migrate ?? true);
    this.openReport = { location: db.name, applied: report.applied, version: report.version };
    this.#control = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      beginDeferred: db.prepare('BEGIN DEFERRED'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
    const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
    this.scores = new SqliteScores(db);
    const facts = new SqliteFacts(db, this.scores);
    const appender = new SqliteAppender(db, this.scores);
    this.#tx = {
      head: async () => translated(() => head.get() as HeadRow | undefined),
      loadFacts: async (request) => translated(() => facts.load(request)),
      append: async (events, projections) => translated(() => appender.append(events, projections)),
    };
    this.#snapshot = new SqliteSnapshot(db, () => readMigrations(this.#migrationsDir), this.#now, this.scores);
  }

  /** The migration files' folder. */
  get migrationsDir(): string {
    return this.#migrationsDir;
  }

  /**
   * Runs the synchronous `fn` on the connection: at once when no transaction holds the connection,
   * else after it. Driver errors become `storage_error`.
   */
  run<T>(fn: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(ledgerClosed());
    if (!this.#lock.locked) return settled(fn);
    return this.#exclusive(async () => translated(fn));
  }

  write<T>(fn: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.#exclusive(() => this.#writing(() => this.#transaction(this.#control.begin, () => fn(this.#tx))));
  }

  snapshot<T>(fn: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    return this.#exclusive(() => this.#transaction(this.#control.beginDeferred, () => fn(this.#snapshot.reset()), { readOnly: true }));
  }

  migrate(): Promise<MigrationReport> {
    return this.#exclusive(() => this.#writing(async () => translated(() => migrate(this.database, readMigrations(this.#migrationsDir), this.#now))));
  }

  /** Runs `fn` holding the file's write lock (see {@link fileWriteLockOf}); the connection's lock is already held. */
  async #writing<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.#fileWriteLock?.acquire();
    try {
      return await fn();
    } finally {
      release?.();
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    // After any transaction in progress on this store's connection.
    const release = await this.#lock.acquire();
    try {
      if (this.#closed) return;
      this.#closed = true;
      this.database.close();
    } finally {
      release();
    }
  }

  /** Runs `fn` holding the connection lock. */
  async #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) throw ledgerClosed();
    const release = await this.#lock.acquire();
    try {
      if (this.#closed) throw ledgerClosed();
      return await fn();
    } finally {
      release();
    }
  }

  /** `begin`, then `fn`, then `COMMIT` (for a read snapshot, `#endReadOnly`); `ROLLBACK` when anything throws, and the error rethrown as it is. */
  async #transaction<T>(begin: Database.Statement, fn: () => Promise<T>, { readOnly = false } = {}): Promise<T> {
    translated(() => begin.run());
    try {
      const result = await fn();
      if (readOnly) this.#endReadOnly();
      else translated(() => this.#control.commit.run());
      return result;
    } catch (error) {
      try {
        if (this.database.inTransaction) this.#control.rollback.run();
      } catch {
        // The connection already ended the transaction (SQLite rolls back on some errors): the first error tells why.
      }
      throw error;
    }
  }

  /**
   * Ends a read snapshot whose reads all succeeded. Its COMMIT has nothing to write, but SQLite can
   * still fail it: after `integrity_check` met a page it cannot read, the connection's error stays
   * (`SQLITE_CORRUPT`), and `verify()` would throw instead of returning the report that names the
   * damage. The reads are done, so a failed COMMIT is followed by a ROLLBACK and not reported.
   */
  #endReadOnly(): void {
    try {
      this.#control.commit.run();
    } catch {
      if (this.database.inTransaction) translated(() => this.#control.rollback.run());
    }
  }
}
