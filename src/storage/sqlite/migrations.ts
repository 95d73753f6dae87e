import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { LedgerError } from '../../errors.js';
import type { MigrationInfo, MigrationReport } from '../types.js';

/** A migration file read from disk. @internal */
export interface MigrationFile extends MigrationInfo {
  file: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Finds `migrations/sqlite` by walking up from this module, so the same code works from `src/`
 * (tests) and from `dist/` (the published package, which ships `migrations/`).
 *
 * @internal
 */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'migrations', 'sqlite');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new LedgerError('migration_missing', 'cannot find the migrations/sqlite folder of forecast-ledger: reinstall the package');
    }
    dir = parent;
  }
}

/**
 * Reads `NNNN_name.sql` files, in order, with their SHA-256 checksums.
 *
 * @throws LedgerError `migration_missing` when the numbering has a gap
 * @internal
 */
export function readMigrations(dir: string): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, i) => {
    const m = FILE_PATTERN.exec(file);
    if (!m) {
      throw new LedgerError('migration_failed', `migration file ${join(dir, file)}: expected a name like 0002_add_index.sql`);
    }
    const version = Number(m[1]);
    if (version !== i + 1) {
      throw new LedgerError('migration_missing', `migration ${i + 1} is missing from ${dir}: expected ${String(i + 1).padStart(4, '0')}_*.sql, found ${file}`);
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: m[2]!, file: join(dir, file), sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/** The table that records applied migrations; created by `migrate()` itself, before migration 1. */
const SCHEMA_MIGRATIONS_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      checksum   TEXT NOT NULL CHECK (length(checksum) = 64),
      applied_at TEXT NOT NULL
    ) STRICT`;

/** The applied migrations, checked against the files, and the pending ones. */
interface MigrationState {
  /** The highest applied version (0 for none). */
  highest: number;
  pending: MigrationFile[];
}

/**
 * Reads `schema_migrations` (absent: nothing applied) and checks it against the files.
 *
 * @throws LedgerError the codes of {@link migrate}, except `migration_failed` and `migration_pending`
 */
function readState(db: Database.Database, files: readonly MigrationFile[]): MigrationState {
  const tracked = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const applied = tracked ? (db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as MigrationInfo[]) : [];
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const maxKnown = files.length;
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (!file) {
      if (row.version > maxKnown) {
        throw new LedgerError(
          'database_newer_than_library',
          `the database is at schema version ${row.version}, newer than this library knows (${maxKnown}): upgrade forecast-ledger`,
          { details: { version: row.version } },
        );
      }
      throw new LedgerError('migration_missing', `applied migration ${row.version} (${row.name}) has no file`, { details: { version: row.version } });
    }
    if (file.checksum !== row.checksum || file.name !== row.name) {
      throw new LedgerError(
        'migration_checksum_mismatch',
        `migration ${file.file} was changed after it was applied: expected checksum ${row.checksum}, received ${file.checksum}. Restore the file and add a new migration instead`,
        { details: { version: row.version, expected: row.checksum, received: file.checksum } },
      );
    }
  }
  const appliedVersions = new Set(applied.map((r) => r.version));
  const highest = applied.reduce((max, r) => Math.max(max, r.version), 0);
  const pending = files.filter((f) => !appliedVersions.has(f.version));
  const early = pending.find((f) => f.version < highest);
  if (early) {
    throw new LedgerError('migration_out_of_order', `migration ${early.file} is older than the applied migration ${highest}: renumber it after ${highest}`, {
      details: { version: early.version },
    });
  }
  return { highest, pending };
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
    const { highest, pending } = db.transaction(() => readState(db, files)).deferred();
    if (pending.length) {
      throw new LedgerError(
        'migration_pending',
        `the database is at schema version ${highest} and needs ${pending.length} migration${pending.length === 1 ? '' : 's'} (${pending.map((f) => basename(f.file)).join(', ')}): open it with migrations on (the default), or run forecast-ledger migrate`,
        { details: { version: highest, pending: pending.map((f) => f.version) } },
      );
    }
    return { applied: [], version: highest };
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
      throw new LedgerError('migration_failed', `migration ${file.file} failed and was rolled back: ${(cause as Error).message}`, { cause });
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
