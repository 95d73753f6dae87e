/**
 * What tells one backend from another: its capability flags and what opening it did. Shared code
 * branches on these, never on a store's class or name.
 *
 * @module
 */
import type { MigrationInfo } from './types.js';

/**
 * What a backend can do beyond the {@link LedgerStore} contract.
 *
 * @remarks
 * Shared code (the ledger, the CLI) asks these flags, never `instanceof` or the backend's name:
 * `backup()` is offered where `fileBackup` is true, `verify({ quick })` means something where
 * `storageCheck` is true. `backend` is for messages and reports only.
 *
 * @example
 * ```ts
 * const ledger = await openLedger(':memory:');
 * ledger.store.capabilities.fileBackup; //=> true
 * ```
 */
export interface StoreCapabilities {
  /** A short name for messages and reports: `sqlite`, `postgres`. Never branched on. */
  readonly backend: string;
  /** `backup(path)` writes a verified copy to a file (SQLite's online backup). PostgreSQL relies on `pg_dump`. */
  readonly fileBackup: boolean;
  /** `verify({ quick })` also checks the database's own storage (SQLite `PRAGMA integrity_check`). */
  readonly storageCheck: boolean;
  /** Writers on other machines can share the ledger (a server database), not only other processes on this one. */
  readonly networkWriters: boolean;
  /**
   * The backend keeps stored scores (issue 11): every write rescores the resolved questions it
   * changes in its own transaction, `verify()` checks them, and the default `leaderboard()` and
   * `scorecard()` read them. Without it, they are always computed from the records. True on SQLite
   * and PostgreSQL.
   */
  readonly storedScores: boolean;
}

/**
 * What opening a store did, for the CLI and for logs.
 *
 * @example
 * ```ts
 * const ledger = await openLedger(':memory:');
 * ledger.store.openReport.location; //=> ':memory:'
 * ```
 */
export interface OpenReport {
  /** Where the ledger lives, safe to print: a file path, `:memory:`, or a URL without its password. */
  readonly location: string;
  /** Migrations applied by this open (none when the schema was up to date, or with `migrate: false`). */
  readonly applied: readonly MigrationInfo[];
  /** The schema version after opening. */
  readonly version: number;
}
