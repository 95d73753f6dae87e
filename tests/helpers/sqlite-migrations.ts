import { defaultMigrationsDir, readMigrations } from '../../src/storage/sqlite/migrations.js';

/**
 * The SQLite migration files the library ships, in order: tests that name the schema version or the
 * migrations applied follow the files, so a new migration does not mean editing a literal everywhere.
 */
export const SQLITE_MIGRATIONS = readMigrations(defaultMigrationsDir());

/** The schema version of an up-to-date SQLite ledger: the last migration's number. */
export const SQLITE_VERSION = SQLITE_MIGRATIONS.length;

/** The version of a migration a test adds after the real ones, as its `NNNN` file prefix. */
export function nextMigrationPrefix(offset = 1): string {
  return String(SQLITE_VERSION + offset).padStart(4, '0');
}
