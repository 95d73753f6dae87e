import type Database from 'better-sqlite3';
import type { MigrationInfo, MigrationReport } from '../types.js';
import {
  checkAppliedMigrations,
  migrationFailedError,
  migrationPendingError,
  migrationsDirOf,
  type MigrationFile,
  type MigrationState,
} from '../migration-files.js';

export { readMigrations, type MigrationFile } from '../migration-files.js';

/** Where the SQLite migrations are: the package's `migrations/sqlite`. @internal */
export function defaultMigrationsDir(): string {
  return migrationsDirOf('sqlite');
}

/** The table that records applied migrations; created by `migrate()` itself, before migration 1. */
const SCHEMA_MIGRATIONS_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      checksum   TEXT NOT NULL CHECK (length(checksum) = 64),
      applied_at TEXT NOT NULL
    ) STRICT`;

/**
 * Reads `schema_migrations` (absent: nothing applied) and checks it against the files.
 *
 * @throws LedgerError the codes of {@link migrate}, except `migration_failed` and `migration_pending`
 */
function readState(db: Database.Database, files: readonly MigrationFile[]): MigrationState {
  const tracked = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const applied = tracked ? (db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as MigrationInfo[]) : [];
  return checkAppliedMigrations(applied, files);
}

/**
 * Checks the migrations recorded in the database against the files and applies the pending ones,
 * each in its own transaction together with its `schema_migrations` row.
 *
 * @remarks
 * Safe when several processes open one new file at once: each step takes SQLite's write lock first
 * (`BEGIN IMMEDIATE`, which waits up to the connection's busy timeout) and only then reads which
 * migrations are applied, so exactly one process creates `schema_migrations` and applies each
 * migration, and the others find them applied. With `apply` false, the check runs in one read
 * transaction and writes nothing.
 *
 * @throws LedgerError `migration_checksum_mismatch` (an applied file was edited),
 *   `migration_missing` (an applied migration has no file), `database_newer_than_library`,
 *   `migration_out_of_order` (a pending migration is older than an applied one),
 *   `migration_failed` (the SQL failed; nothing of it was kept), `migration_pending` (with
 *   `apply` false, a migration is pending: the database is refused, and nothing is written)
 * @internal
 */
export function migrate(db: Database.Database, files: readonly MigrationFile[], now: () => Date, apply = true): MigrationReport {
  if (!apply) {
    const state = db.transaction(() => readState(db, files)).deferred();
    if (state.pending.length) throw migrationPendingError(state);
    return { applied: [], version: state.highest };
  }
  // Up to date (every open but the first): a read is enough, so opening never waits for the write
  // lock, which a transaction of another connection in this process may hold across an await.
  const current = db.transaction(() => readState(db, files)).deferred();
  if (!current.pending.length) return { applied: [], version: current.highest };
  const done: MigrationInfo[] = [];
  // One migration per write transaction, the state read again inside each (another process may have moved it).
  const step = db.transaction((): { version: number; applied?: MigrationFile } => {
    db.exec(SCHEMA_MIGRATIONS_SQL);
    const { highest, pending } = readState(db, files);
    const file = pending[0];
    if (!file) return { version: highest };
    try {
      db.exec(file.sql);
      const orphan = db.pragma('foreign_key_check', { simple: false }) as { table: string; rowid: number; parent: string }[];
      if (orphan.length)
        throw new Error(`foreign key check: a row of ${orphan[0]!.table} (rowid ${orphan[0]!.rowid}) refers to a missing ${orphan[0]!.parent} row`);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        file.version,
        file.name,
        file.checksum,
        now().toISOString(),
      );
    } catch (cause) {
      throw migrationFailedError(file, cause);
    }
    return { version: file.version, applied: file };
  });
  // SQLite's procedure for a table rebuild (lang_altertable.html#otheralter): foreign keys off around the
  // transaction (the pragma is a no-op inside one), checked with foreign_key_check before the commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  for (;;) {
    if (foreignKeys) db.pragma('foreign_keys = OFF');
    let outcome: { version: number; applied?: MigrationFile };
    try {
      outcome = step.immediate();
    } finally {
      if (foreignKeys) db.pragma('foreign_keys = ON');
    }
    const { version, applied } = outcome;
    if (!applied) return { applied: done, version };
    done.push({ version: applied.version, name: applied.name, checksum: applied.checksum });
  }
}
