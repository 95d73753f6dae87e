/**
 * The few pieces of `pg` (node-postgres) the adapter uses, as types, and the pool's type parsers.
 *
 * @remarks
 * Only types are imported here: `pg` itself is loaded with `await import('pg')` when a PostgreSQL
 * ledger is opened ({@link loadPg}), so `import 'forecast-ledger'` never needs it.
 *
 * @internal
 * @module
 */
import type * as Pg from 'pg';
import { Mutex } from '../../_internal/mutex.js';
import { LedgerError } from '../../errors.js';

/** A pool or one of its clients: anything that runs a query. @internal */
export interface Queryable {
  query<R extends Pg.QueryResultRow = Pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Pg.QueryResult<R>>;
}

/**
 * `db`'s queries one after another: each starts when the one before has settled. A client runs one
 * query at a time; pg 8 queues overlapping calls itself but deprecates it, and pg 9 refuses them. The
 * reads of one snapshot share one client and a caller may run them together (`Promise.all`).
 *
 * @internal
 */
export function oneAtATime(db: Queryable): Queryable {
  // First come, first served: each query waits for the lock, and gives it back once it has settled, failed or not.
  const lock = new Mutex();
  return {
    async query<R extends Pg.QueryResultRow = Pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Pg.QueryResult<R>> {
      const release = await lock.acquire();
      try {
        return await db.query<R>(text, values);
      } finally {
        release();
      }
    },
  };
}

/** The `pg` module, as `import('pg')` gives it (its CommonJS exports). @internal */
export type PgModule = typeof Pg;

/** The OID of PostgreSQL's `int8` (bigint): `count(*)` and every seq column. */
const INT8_OID = 20;

/**
 * Loads `pg` on first use.
 *
 * @throws LedgerError `storage_error` naming `npm install pg` when it is not installed
 * @internal
 */
export async function loadPg(): Promise<PgModule> {
  try {
    const mod = (await import('pg')) as PgModule & { default?: PgModule };
    return mod.default ?? mod;
  } catch (cause) {
    throw new LedgerError(
      'storage_error',
      `opening a PostgreSQL ledger needs the pg package: expected it installed next to forecast-ledger, received "${(cause as Error).message}". Run npm install pg`,
      { cause },
    );
  }
}

/**
 * Type parsers for the ledger's pools: `int8` (every seq, every `count(*)`) as a JavaScript number
 * instead of the driver's default string. Seqs and counts stay far below 2⁵³; `verify()` reads seq
 * as text and turns it into an exact bigint itself.
 *
 * @internal
 */
export function ledgerTypes(pg: PgModule): Pg.CustomTypesConfig {
  const parserOf = (oid: number, format?: string): ((value: string) => unknown) =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown);
  return { getTypeParser: parserOf as Pg.CustomTypesConfig['getTypeParser'] };
}
