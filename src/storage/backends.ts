/**
 * The backends a ledger can live in, chosen from the target `openLedger` and the CLI's `--db` get:
 * one table, keyed by URL scheme, so adding a database is one entry here and never a branch
 * elsewhere. Each backend's module (and its driver) is imported only when a ledger of that kind is
 * opened: `import 'forecast-ledger'` loads no database driver.
 *
 * @internal
 * @module
 */
import { existsSync } from 'node:fs';
import { LedgerError } from '../errors.js';
import type { LedgerStore } from './ledger-store.js';
import type { SqliteDatabase, SqliteStoreOptions } from './open-options.js';

/** What `openLedger` passes a backend: a path or URL, or an open driver connection. @internal */
export type BackendTarget = string | SqliteDatabase;

/** A kind of database a ledger can live in. @internal */
export interface LedgerBackend {
  /** For messages: `sqlite`, `postgres`. */
  readonly name: string;
  /** The URL schemes it opens, lower case (`postgres`, `postgresql`); none for files, which have no scheme. */
  readonly schemes: readonly string[];
  /** Whether a ledger may already be at `target`: the CLI refuses to create a ledger nobody asked for. */
  exists(target: string): boolean;
  /** Opens (and by default migrates) the store; the backend's module and driver are loaded only now. */
  open(target: BackendTarget, options: SqliteStoreOptions): Promise<LedgerStore>;
}

/** SQLite: a file path, `:memory:`, or an open better-sqlite3 database. */
const SQLITE: LedgerBackend = {
  name: 'sqlite',
  schemes: [],
  exists: (target) => target === ':memory:' || existsSync(target),
  // The built package loads dist/sqlite.js here (tsup.config.ts): the /sqlite entry point, with the driver.
  open: async (target, options) => (await import('./sqlite/sqlite-store.js')).SqliteStore.open(target as never, options),
};

/** PostgreSQL: a `postgres://` or `postgresql://` URL; `pg` (an optional peer dependency) is loaded on open. */
const POSTGRES: LedgerBackend = {
  name: 'postgres',
  schemes: ['postgres', 'postgresql'],
  // The database lives on its server; opening it creates the ledger's tables when needed.
  exists: () => true,
  // The built package loads dist/postgres.js here (tsup.config.ts): the /postgres entry point.
  open: async (target, options) => (await import('./postgres/postgres-store.js')).PostgresStore.open(target as string, options),
};

/** Every backend; a target without a scheme is a SQLite file. */
const LEDGER_BACKENDS: readonly LedgerBackend[] = [SQLITE, POSTGRES];

/** `scheme://…` (two letters at least, so a Windows drive `C:` is not a scheme). */
const URL_SCHEME = /^([a-z][a-z0-9+.-]+):\/\//i;

/** Whether `target` is a URL (`scheme://…`) rather than a file path or `:memory:`. @internal */
export function isUrlTarget(target: string): boolean {
  return URL_SCHEME.test(target);
}

/** A target with any password in its URL replaced by `***`, safe for messages. @internal */
export function safeTarget(target: string): string {
  return URL_SCHEME.test(target) ? target.replace(/^([^:]+:\/\/[^:@/]*):[^@/]*@/, '$1:***@') : target;
}

/**
 * The backend that opens `target`: by its URL scheme, or SQLite for a path, `:memory:` or an open
 * better-sqlite3 database.
 *
 * @throws LedgerError `validation_failed` for a URL whose scheme no backend opens
 * @internal
 */
export function backendFor(target: BackendTarget): LedgerBackend {
  if (typeof target !== 'string') return SQLITE;
  const scheme = URL_SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined) return SQLITE;
  const backend = LEDGER_BACKENDS.find((b) => b.schemes.includes(scheme));
  if (backend) return backend;
  const known = LEDGER_BACKENDS.flatMap((b) => b.schemes.map((s) => `${s}://`));
  throw new LedgerError(
    'validation_failed',
    `cannot open ledger ${safeTarget(target)}: expected a file path, ":memory:"${known.length ? ` or a ${known.join(' or ')} URL` : ''}, received a ${scheme}:// URL. ` +
      'Give the path of a SQLite file (for a file literally named so, write it as ./…)',
  );
}
