/**
 * The {@link StorageAdapter} for PostgreSQL, on a `pg` (node-postgres) pool.
 *
 * @remarks
 * Writes are serialized in the database, so writers in many processes on many machines keep one
 * gapless chain: each write transaction takes the ledger's transaction-level advisory lock
 * (`pg_advisory_xact_lock`) as its first statement, before it reads the head, and holds it until it
 * commits. A transaction the server aborts for a serialization failure or a deadlock (SQLSTATE
 * `40001`, `40P01`) is run again from the start, never surfaced. Snapshot reads (`verify()`, and
 * reads that must agree with each other) run in one `REPEATABLE READ READ ONLY` transaction.
 *
 * @internal
 * @module
 */
import type * as Pg from 'pg';
import { LedgerError } from '../../errors.js';
import {
  NO_STORAGE_CHECK,
  type OpenReport,
  type ScannedEventRow,
  type SnapshotReader,
  type StorageAdapter,
  type StoreCapabilities,
  type WriteTransaction,
} from '../../engine/storage-adapter.js';
import type { StoredScoresSnapshot } from '../../engine/verify-scores.js';
import type { MigrationReport } from '../types.js';
import { readMigrations } from '../migration-files.js';
import { ledgerTypes, loadPg, oneAtATime, type Queryable } from './pg-client.js';
import { appendPg } from './pg-append.js';
import { PgErrors, RETRYABLE_SQLSTATES, sqlState } from './pg-errors.js';
import { loadPgFacts } from './pg-facts.js';
import { advisoryXactLock, defaultPgMigrationsDir, inTransaction, migratePostgres, readMigrationState, type PgSession } from './pg-migrations.js';
import { PgReads } from './pg-reads.js';
import { PgScores, ScoreTables } from './pg-scores.js';
import { checkPgProjections, checkPgSchema } from './pg-verify.js';

/** Options of {@link PgAdapter.open}. @internal */
export interface PgAdapterOptions {
  /** Apply pending migrations on open (default `true`); with `false`, a database that needs one is refused. */
  migrate?: boolean;
  /** Where the `NNNN_name.sql` files are (default: the package's `migrations/postgres`). */
  migrationsDir?: string;
  /** The clock for `schema_migrations.applied_at` (default: `() => new Date()`). */
  now?: () => Date;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** `application_name` of the connections, as `pg_stat_activity` shows it (default `forecast-ledger`). */
  applicationName?: string;
  /**
   * `full` (default): a commit returns once it is durable on the server. `normal`: each write
   * transaction sets `synchronous_commit = off`, so the last commits can be lost if the server
   * crashes (never corrupted), for bulk work that can be redone.
   */
  durability?: 'full' | 'normal';
}

/** How often a transaction aborted for serialization or a deadlock is run again before the error surfaces. */
const MAX_ATTEMPTS = 20;

// Frozen: one object shared by every store in the process, so a caller's write to it would change them all.
const CAPABILITIES: StoreCapabilities = Object.freeze({
  backend: 'postgres',
  fileBackup: false,
  storageCheck: false,
  networkWriters: true,
  storedScores: true,
});

/** Resolved questions per page of the stored-scores check. */
const STORED_SCORES_PAGE = 2000;

const SCAN_FIRST =
  'SELECT seq::text AS seq, type, entity_id AS "entityId", recorded_at AS "recordedAt", payload, prev_hash AS "prevHash", hash FROM events ORDER BY events.seq LIMIT $1';
const SCAN_AFTER = `SELECT seq::text AS seq, type, entity_id AS "entityId", recorded_at AS "recordedAt", payload, prev_hash AS "prevHash", hash FROM events
  WHERE events.seq > $1::bigint ORDER BY events.seq LIMIT $2`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` inside a savepoint: a failed check rolls back to it, so the snapshot's transaction
 * goes on (PostgreSQL aborts a whole transaction on any error otherwise).
 */
async function guarded<T>(db: Queryable, fn: () => Promise<T>): Promise<T> {
  await db.query('SAVEPOINT forecast_ledger_check');
  try {
    const result = await fn();
    await db.query('RELEASE SAVEPOINT forecast_ledger_check');
    return result;
  } catch (error) {
    await db.query('ROLLBACK TO SAVEPOINT forecast_ledger_check');
    throw error;
  }
}

/**
 * A PostgreSQL ledger as the engine sees it.
 *
 * @internal
 */
export class PgAdapter implements StorageAdapter {
  readonly capabilities = CAPABILITIES;
  readonly openReport: OpenReport;
  /** Reads on the pool, each its own statement. */
  readonly reads: PgReads;
  readonly #pool: Pg.Pool;
  readonly #errors: PgErrors;
  readonly #migrationsDir: string;
  readonly #now: () => Date;
  readonly #relaxed: boolean;
  /** Whether the score tables exist, for every connection of the pool. */
  readonly #tables: ScoreTables;

  private constructor(pool: Pg.Pool, errors: PgErrors, options: PgAdapterOptions, openReport: OpenReport, tables: ScoreTables) {
    this.#pool = pool;
    this.#tables = tables;
    this.#errors = errors;
    this.#migrationsDir = options.migrationsDir ?? defaultPgMigrationsDir();
    this.#now = options.now ?? (() => new Date());
    this.#relaxed = options.durability === 'normal';
    this.openReport = openReport;
    this.reads = new PgReads(pool, tables);
  }

  /**
   * Connects (loading `pg` now), checks the migrations and, unless `migrate: false`, applies the pending
   * ones and fills the stored scores if migration 0002 left them to fill ({@link fillStoredScores}).
   *
   * @param url - `postgres://user:password@host:port/database` (or `postgresql://`), with any parameter `pg` takes
   * @throws LedgerError `storage_error` (no `pg`, the server unreachable, a privilege missing), the migration codes
   */
  static async open(url: string, options: PgAdapterOptions = {}): Promise<PgAdapter> {
    const pg = await loadPg();
    const errors = new PgErrors(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      types: ledgerTypes(pg),
      application_name: options.applicationName ?? 'forecast-ledger',
    });
    // An idle connection the server closed (a restart, a timeout) is dropped by the pool; the next
    // query opens a new one. Without a listener, its error would end the process.
    pool.on('error', () => {});
    const files = readMigrations(options.migrationsDir ?? defaultPgMigrationsDir());
    const tables = new ScoreTables();
    let report: MigrationReport;
    try {
      report = await withSession(pool, async (session) => {
        const migrated = await migratePostgres(session, files, options.now ?? (() => new Date()), options.migrate ?? true);
        if (options.migrate ?? true) await fillStoredScores(session, tables);
        return migrated;
      });
    } catch (error) {
      await pool.end().catch(() => {});
      throw errors.translate(error, 'opening the ledger');
    }
    return new PgAdapter(pool, errors, options, { location: errors.location, applied: report.applied, version: report.version }, tables);
  }

  /** Translates a driver error; a LedgerError, and anything thrown that is not an Error (the engine's rollback signal), pass through. */
  #fail(error: unknown, doing: string): unknown {
    return error instanceof Error && !(error instanceof LedgerError) ? this.#errors.translate(error, doing) : error;
  }

  /** Runs `fn` with a client of the pool, released after (and never left with an error listener missing). */
  async #session<T>(doing: string, fn: (session: PgSession) => Promise<T>): Promise<T> {
    try {
      return await withSession(this.#pool, fn);
    } catch (error) {
      throw this.#fail(error, doing);
    }
  }

  async write<T>(fn: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withSession(this.#pool, (client) =>
          inTransaction(client, 'BEGIN', async () => {
            // First, before anything is read: every writer of this ledger waits here for the one before.
            await client.query(advisoryXactLock('write'));
            if (this.#relaxed) await client.query('SET LOCAL synchronous_commit = off');
            const scores = new PgScores(client, this.#tables);
            return fn({
              head: async () => (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1')).rows[0],
              loadFacts: (request) => loadPgFacts(client, request, scores),
              append: (events, projections) => appendPg(client, events, projections, scores),
            });
          }),
        );
      } catch (error) {
        const state = sqlState(error);
        if (state && RETRYABLE_SQLSTATES.has(state) && attempt < MAX_ATTEMPTS) {
          await sleep(Math.random() * 10 * attempt);
          continue;
        }
        throw this.#fail(error, 'writing to the ledger');
      }
    }
  }

  async snapshot<T>(fn: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    return this.#session('reading the ledger', (client) =>
      inTransaction(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () => fn(this.#snapshotReader(client))),
    );
  }

  /** Runs one or more reads on the pool, translating driver errors. */
  async run<T>(fn: (reads: PgReads) => Promise<T>): Promise<T> {
    return this.translated(() => fn(this.reads));
  }

  /**
   * Runs `fn` with the ledger's reads inside one `REPEATABLE READ READ ONLY` transaction: every read
   * sees the same state. What `fn` throws passes through as it is; the reads translate their own
   * driver errors ({@link PgAdapter.translated}).
   */
  async read<T>(fn: (reads: PgReads) => Promise<T>): Promise<T> {
    let fromFn: { error: unknown } | undefined;
    try {
      return await withSession(this.#pool, (client) =>
        inTransaction(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () =>
          fn(new PgReads(oneAtATime(client), this.#tables)).catch((error: unknown) => {
            fromFn = { error };
            throw error;
          }),
        ),
      );
    } catch (error) {
      if (fromFn && fromFn.error === error) throw error;
      throw this.#fail(error, 'reading the ledger');
    }
  }

  /** Runs `fn`, translating a driver error it throws into `storage_error`. */
  async translated<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw this.#fail(error, 'reading the ledger');
    }
  }

  #snapshotReader(client: PgSession): SnapshotReader {
    const files = () => readMigrations(this.#migrationsDir);
    return {
      scanEvents: async (afterSeq, limit) => {
        const result = afterSeq === null ? await client.query(SCAN_FIRST, [limit]) : await client.query(SCAN_AFTER, [afterSeq.toString(), limit]);
        return result.rows.map((row) => ({ ...row, seq: BigInt(row.seq as string) }) as ScannedEventRow);
      },
      storedScores: () => storedScoresOf(new PgScores(client, this.#tables)),
      eventHashAt: async (seq) => (await client.query<{ hash: string }>('SELECT hash FROM events WHERE seq = $1', [seq])).rows[0]?.hash,
      checkProjections: (eventCounts) => guarded(client, () => checkPgProjections(client, eventCounts)),
      checkMigrations: () =>
        guarded(client, async () => {
          try {
            const state = await readMigrationState(client, files());
            if (state.pending.length)
              return [{ table: 'schema_migrations', message: `${state.pending.length} migration(s) pending: run forecast-ledger migrate` }];
            return [];
          } catch (error) {
            if (!(error instanceof LedgerError)) throw error;
            return [{ table: 'schema_migrations', message: error.message }];
          }
        }),
      checkSchema: () =>
        guarded(client, async () => {
          const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
          const open = async (): Promise<PgSession> => {
            const scratch = await this.#pool.connect();
            scratch.on('error', ignore);
            return { query: scratch.query.bind(scratch), release: () => (scratch.removeListener('error', ignore), scratch.release()) };
          };
          return checkPgSchema(
            client,
            open,
            files().filter((f) => applied.has(f.version)),
          );
        }),
      startStorageCheck: () => NO_STORAGE_CHECK,
    };
  }

  async migrate(): Promise<MigrationReport> {
    return this.#session('migrating the ledger', async (session) => {
      const report = await migratePostgres(session, readMigrations(this.#migrationsDir), this.#now);
      await fillStoredScores(session, this.#tables);
      return report;
    });
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

const ignore = (): void => {};

/**
 * Fills the stored scores once after migration 0002 ran on a ledger that already had resolutions (a
 * SQL migration cannot run the scorer): every resolved question scored from the records, every row
 * and total written and `filled` set in one transaction. It takes the migration's advisory lock and
 * then the write lock (the order every other holder of both would use; writers take only the
 * second), and checks `filled` again under them: two processes opening the ledger at once fill it
 * once, and no write lands between the records read and the rows written. Idempotent; nothing to
 * do (one read) on a new or already filled ledger.
 */
async function fillStoredScores(session: PgSession, tables: ScoreTables): Promise<void> {
  const scores = new PgScores(session, tables);
  if (!(await tables.exist(session)) || (await scores.filled())) return;
  await inTransaction(session, 'BEGIN', async () => {
    await session.query(advisoryXactLock('migrate'));
    await session.query(advisoryXactLock('write'));
    await scores.fillIfNeeded();
  });
}

/** What verify() recomputes of the stored scores, in the snapshot; `undefined` while they are not filled. */
async function storedScoresOf(scores: PgScores): Promise<StoredScoresSnapshot | undefined> {
  if (!(await scores.filled())) return undefined;
  // Every resolved question, a page at a time: what scoring reads (the records from the event payloads, through the
  // projections verify() also checks), so memory stays bounded at any size.
  const ids = await scores.resolvedQuestionIds();
  async function* pages() {
    for (let i = 0; i < ids.length; i += STORED_SCORES_PAGE) yield scores.page(ids.slice(i, i + STORED_SCORES_PAGE));
  }
  return { forecasters: await scores.forecasters(), pages: pages(), strayRows: await scores.strayRows(), totals: await scores.allTotals() };
}

/** Runs `fn` on a client of `pool`, with an error listener while it is checked out, released after. */
async function withSession<T>(pool: Pg.Pool, fn: (session: PgSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection lost while checked out emits 'error' on the client (the pending query rejects too).
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    return await fn({ query: client.query.bind(client), release: () => {} });
  } catch (error) {
    // A connection that failed below SQL (lost, timed out) is not given back to the pool.
    if (error instanceof Error && !(error instanceof LedgerError) && !sqlState(error)) broken = error;
    throw error;
  } finally {
    client.removeListener('error', ignore);
    client.release(broken);
  }
}
