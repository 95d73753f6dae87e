// PostgreSQL entry of the backend matrix (tests/helpers/backends.ts): each `create()` is a new, empty
// database on the run's test server (tests/helpers/postgres-global-setup.ts starts it, or
// FORECAST_LEDGER_TEST_PG names it), opened through `openLedger('postgres://…')`; `drop()` removes
// it once the test's ledgers are closed. A server that cannot start fails the run: nothing skips.
import type { DatabaseFactory } from './backends.js';
import { createDatabase, dropDatabase } from './postgres.js';

/** The PostgreSQL entry of the matrix. */
export const postgresDatabases: DatabaseFactory | undefined = {
  name: 'postgres',
  capabilities: ['reopen'],
  create: createDatabase,
  drop: dropDatabase,
};
