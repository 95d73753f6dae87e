// A fresh, empty PostgreSQL database per test, on the server the global setup started
// (tests/helpers/postgres-global-setup.ts), dropped after the test.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, inject } from 'vitest';

/** The administrator URL of the test server. */
export function postgresServerUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('no test PostgreSQL server: tests/helpers/postgres-global-setup.ts is not registered as a globalSetup in vitest.config.ts');
  return url;
}

/** The same server and credentials, another database. */
export function databaseUrl(database: string): string {
  const url = new URL(postgresServerUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement as the administrator, on the server's `postgres` database. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  return queryAt(postgresServerUrl(), sql, params);
}

/** Runs one statement on a database, on a connection of its own. */
export async function queryAt<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const created: string[] = [];

/** Creates a new, empty database (`fl_<random>`) and returns its URL; the caller drops it ({@link dropDatabase}). */
export async function createDatabase(): Promise<string> {
  const name = `fl_${randomBytes(8).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

/**
 * Creates a new, empty database and returns its URL; it is dropped after the test (with `FORCE`,
 * so a connection the test left open does not keep it).
 */
export async function freshDatabase(): Promise<string> {
  const url = await createDatabase();
  created.push(url);
  return url;
}

/** Drops a database made by {@link createDatabase}, given its URL. */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^fl_[0-9a-f]{16}$/.test(name)) throw new Error(`dropDatabase: ${name} is not a test database`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

afterEach(async () => {
  for (const url of created.splice(0)) await dropDatabase(url);
});
