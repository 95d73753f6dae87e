/**
 * The migration files and the rules every backend applies to them: `NNNN_name.sql` numbered from 1
 * without gaps, checksummed (SHA-256), an applied file never edited, never missing, never followed
 * by an older pending one, and a database newer than the library refused.
 *
 * @remarks
 * Backend-neutral: each backend keeps its files in `migrations/<backend>/` and its own runner (the
 * transaction and the lock that let many processes open one new database at once), and asks this
 * module which files are pending and whether the applied ones check out.
 *
 * @internal
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LedgerError } from '../errors.js';
import type { MigrationInfo } from './types.js';

/** A migration file read from disk. @internal */
export interface MigrationFile extends MigrationInfo {
  file: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Finds `migrations/<backend>` by walking up from this module, so the same code works from `src/`
 * (tests) and from `dist/` (the published package, which ships `migrations/`).
 *
 * @param backend - the folder's name: `sqlite`, `postgres`
 * @throws LedgerError `migration_missing` when the folder is not found
 * @internal
 */
export function migrationsDirOf(backend: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'migrations', backend);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new LedgerError('migration_missing', `cannot find the migrations/${backend} folder of forecast-ledger: reinstall the package`);
    }
    dir = parent;
  }
}

/**
 * Reads `NNNN_name.sql` files, in order, with their SHA-256 checksums.
 *
 * @throws LedgerError `migration_missing` when the numbering has a gap, `migration_failed` for a file
 *   named otherwise
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

/** The applied migrations, checked against the files, and the pending ones. @internal */
export interface MigrationState {
  /** The highest applied version (0 for none). */
  highest: number;
  pending: MigrationFile[];
}

/**
 * Checks the migrations a database records as applied against the files.
 *
 * @param applied - the rows of `schema_migrations` (none when the table does not exist yet)
 * @param files - the migration files, from {@link readMigrations}
 * @returns the highest applied version and the files still to apply, in order
 * @throws LedgerError `database_newer_than_library` (an applied version beyond the files),
 *   `migration_missing` (an applied migration has no file), `migration_checksum_mismatch` (an
 *   applied file was edited or renamed), `migration_out_of_order` (a pending migration is older than
 *   an applied one)
 * @internal
 */
export function checkAppliedMigrations(applied: readonly MigrationInfo[], files: readonly MigrationFile[]): MigrationState {
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
 * The error for a database opened with migrations off that needs some.
 *
 * @internal
 */
export function migrationPendingError(state: MigrationState): LedgerError {
  const { highest, pending } = state;
  return new LedgerError(
    'migration_pending',
    `the database is at schema version ${highest} and needs ${pending.length} migration${pending.length === 1 ? '' : 's'} (${pending.map((f) => basename(f.file)).join(', ')}): open it with migrations on (the default), or run forecast-ledger migrate`,
    { details: { version: highest, pending: pending.map((f) => f.version) } },
  );
}

/** The error for a migration whose SQL failed (rolled back). @internal */
export function migrationFailedError(file: MigrationFile, cause: unknown): LedgerError {
  return new LedgerError('migration_failed', `migration ${file.file} failed and was rolled back: ${(cause as Error).message}`, { cause });
}
