/**
 * The PostgreSQL backend: `import { PostgresStore } from 'forecast-ledger/postgres'`.
 *
 * @remarks
 * Needs `pg` (node-postgres), an optional peer dependency: `npm install pg`. `openLedger` opens a
 * `postgres://` URL with this store too, loading it (and `pg`) only then.
 *
 * @packageDocumentation
 */
export { PostgresStore } from './postgres-store.js';
export type { PostgresStoreOptions } from './postgres-store.js';
