// PostgreSQL slot of the backend matrix (tests/helpers/backends.ts), to be filled by the PostgreSQL
// work of issue 10: a factory whose `create()` makes a fresh database on the test server (its URL
// from vitest's `inject('pgUrl')`) and returns its `postgres://` URL, and whose `drop()` removes it.
// While this is `undefined` the matrix has the two SQLite entries; once set, every matrix test runs
// on PostgreSQL too, and a server that cannot start fails them (never a skip).
import type { DatabaseFactory } from './backends.js';

/** The PostgreSQL entry of the matrix; `undefined` until the PostgreSQL store exists. */
export const postgresDatabases: DatabaseFactory | undefined = undefined;
