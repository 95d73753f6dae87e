/**
 * `forecast-ledger/sqlite`: the embedded SQLite store, for code that opens or configures it itself.
 *
 * @remarks
 * `openLedger(path)` opens a SQLite ledger without this entry point (and loads the driver,
 * better-sqlite3, only then). Import it to use the store directly: `SqliteStore.open(pathOrDatabase)`
 * and pass it as `openLedger({ store })`, read its `database` with your own SQL, or name the
 * durability levels. Its types refer to better-sqlite3's: install `@types/better-sqlite3` to use
 * them (an optional peer dependency).
 *
 * @packageDocumentation
 */
export { DURABILITY_LEVELS, SqliteStore } from './sqlite-store.js';
export type { Durability, SqliteStoreOptions } from './sqlite-store.js';
