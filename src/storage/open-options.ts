/**
 * The options of opening a ledger, and their check: in a module of their own, without any database
 * driver, so `openLedger` can refuse a bad option before it loads a backend.
 *
 * @module
 */
import { z } from 'zod';
import { optionsSchema, PathArg } from '../_internal/validate-args.js';

/** How hard SQLite works to keep a commit on disk, as an `as const` tuple. */
export const DURABILITY_LEVELS = ['full', 'normal'] as const;
/**
 * `full` (default): every commit is synced to disk before it returns (`synchronous = FULL`), so a
 * recorded resolution survives a power cut. `normal`: WAL's `synchronous = NORMAL`; the last commits
 * can be lost on power failure (never corrupted), for bulk work that can be redone.
 */
export type Durability = (typeof DURABILITY_LEVELS)[number];

/** Options for `SqliteStore.open` (`forecast-ledger/sqlite`) and for `openLedger` on a SQLite file. */
export interface SqliteStoreOptions {
  /**
   * Apply pending migrations on open (default `true`). With `false`, the applied migrations are
   * still checked, a database that needs a migration is refused with `migration_pending`, and
   * opening writes nothing to the schema.
   */
  migrate?: boolean;
  /** Where the `NNNN_name.sql` files are (default: the package's `migrations/sqlite`). */
  migrationsDir?: string;
  /** The clock used for `recordedAt` (default: `() => new Date()`). */
  now?: () => Date;
  /** See {@link Durability}; default `full`. */
  durability?: Durability;
}

/** The options of `SqliteStore.open` (and `openLedger`), checked on open. @internal */
export const StoreOptionsArg = optionsSchema<SqliteStoreOptions>()({
  migrate: z.boolean().optional(),
  migrationsDir: PathArg.optional(),
  now: z.custom<() => Date>((f) => typeof f === 'function', 'expected now as a function returning a Date').optional(),
  durability: z.enum(DURABILITY_LEVELS, { error: `expected durability ${DURABILITY_LEVELS.map((d) => `"${d}"`).join(' or ')}` }).optional(),
});

/**
 * An open better-sqlite3 `Database`, as `openLedger({ database })` takes it.
 *
 * @remarks
 * Described by its shape, so the types of the `forecast-ledger` entry point need no
 * `@types/better-sqlite3`: any better-sqlite3 `Database` fits. `SqliteStore.open` (in
 * `forecast-ledger/sqlite`) takes the driver's own type.
 */
export interface SqliteDatabase {
  /** The file the database was opened from (`:memory:` for an in-memory one). */
  readonly name: string;
  /** Whether it is an in-memory database. */
  readonly memory: boolean;
  /** Prepares a statement. */
  prepare(source: string): unknown;
  /** Runs a PRAGMA. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Wraps a function in a transaction. */
  transaction(fn: (...args: never[]) => unknown): unknown;
}
