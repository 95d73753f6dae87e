/**
 * The PostgreSQL migration runner: the files of `migrations/postgres/`, the same checksum and
 * refusal rules as SQLite (`../migration-files.ts`), each migration in its own transaction under an
 * advisory lock.
 *
 * @internal
 * @module
 */
import type { MigrationInfo, MigrationReport } from '../types.js';
import {
  checkAppliedMigrations,
  migrationFailedError,
  migrationPendingError,
  migrationsDirOf,
  type MigrationFile,
  type MigrationState,
} from '../migration-files.js';
import type { Queryable } from './pg-client.js';

/** Where the PostgreSQL migrations are: the package's `migrations/postgres`. @internal */
export function defaultPgMigrationsDir(): string {
  return migrationsDirOf('postgres');
}

/**
 * The advisory-lock keys of a ledger (two int4 keys: a class, and the hash of the schema the ledger
 * lives in), so ledgers in two schemas of one database do not wait for each other.
 *
 * @internal
 */
export const LOCK_CLASS = { migrate: 0x464c_0001, write: 0x464c_0002 } as const;

/** `pg_advisory_xact_lock` on one of the ledger's keys: held until the transaction ends. @internal */
export function advisoryXactLock(kind: keyof typeof LOCK_CLASS): string {
  return `SELECT pg_advisory_xact_lock(${LOCK_CLASS[kind]}, hashtext(current_schema()))`;
}

/** The table that records applied migrations; created by the runner itself, before migration 1. @internal */
export const PG_SCHEMA_MIGRATIONS_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL CHECK (length(checksum) = 64),
  applied_at text NOT NULL
)`;

/** A client of its own for a while: a transaction must run on one connection. @internal */
export interface PgSession extends Queryable {
  release(): void;
}

/**
 * Reads `schema_migrations` in the current schema (absent: nothing applied) and checks it against
 * the files.
 *
 * @internal
 */
export async function readMigrationState(db: Queryable, files: readonly MigrationFile[]): Promise<MigrationState> {
  const tracked = await db.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'");
  const applied = tracked.rowCount ? (await db.query<MigrationInfo>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows : [];
  return checkAppliedMigrations(applied, files);
}

/**
 * Runs `fn` in a transaction on `session`: committed when it returns, rolled back when it throws.
 *
 * @internal
 */
export async function inTransaction<T>(session: Queryable, begin: string, fn: () => Promise<T>): Promise<T> {
  await session.query(begin);
  try {
    const result = await fn();
    await session.query('COMMIT');
    return result;
  } catch (error) {
    await session.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Checks the applied migrations against the files and applies the pending ones, each in its own
 * transaction together with its `schema_migrations` row.
 *
 * @remarks
 * Safe when many processes open one new database at once: each step takes the ledger's migration
 * advisory lock first (`pg_advisory_xact_lock`, which waits) and only then reads which migrations
 * are applied, so exactly one process creates `schema_migrations` and applies each migration, and
 * the others find them applied. An up-to-date database is only read (one read-only transaction),
 * and so is any database with `apply` false.
 *
 * @param session - one connection, used for nothing else meanwhile
 * @throws LedgerError the codes of `checkAppliedMigrations`, `migration_failed` (the SQL failed;
 *   nothing of it was kept), `migration_pending` (with `apply` false, a migration is pending)
 * @internal
 */
export async function migratePostgres(session: Queryable, files: readonly MigrationFile[], now: () => Date, apply = true): Promise<MigrationReport> {
  // A read first, without the lock: an up-to-date database (the usual open) writes nothing, so a
  // role without CREATE (a read-only or append-only role) can open it.
  const state = await inTransaction(session, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () => readMigrationState(session, files));
  if (!state.pending.length) return { applied: [], version: state.highest };
  if (!apply) throw migrationPendingError(state);
  const done: MigrationInfo[] = [];
  for (;;) {
    const step = await inTransaction(session, 'BEGIN', async (): Promise<{ version: number; applied?: MigrationFile }> => {
      await session.query(advisoryXactLock('migrate'));
      await session.query(PG_SCHEMA_MIGRATIONS_SQL);
      const { highest, pending } = await readMigrationState(session, files);
      const file = pending[0];
      if (!file) return { version: highest };
      await session.query('SAVEPOINT migration');
      try {
        await session.query(file.sql);
      } catch (cause) {
        await session.query('ROLLBACK TO SAVEPOINT migration');
        throw migrationFailedError(file, cause);
      }
      await session.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
        file.version,
        file.name,
        file.checksum,
        now().toISOString(),
      ]);
      return { version: file.version, applied: file };
    });
    if (!step.applied) return { applied: done, version: step.version };
    done.push({ version: step.applied.version, name: step.applied.name, checksum: step.applied.checksum });
  }
}
