// The backend matrix: every ledger test that is not about one backend runs on each entry, through
// the public API only (`openLedger` and a target string), so it holds whatever sits behind the port.
//
//   describeEachBackend('error codes', (backend) => {
//     it('…', async () => {
//       const ledger = await backend.open({ now });     // a fresh, empty, migrated ledger
//       const again = await backend.reopen(ledger);     // same database, new connection (needs: ['reopen'])
//     });
//   });
//
// Entries: an SQLite file in a temporary folder, SQLite `:memory:`, and PostgreSQL once
// `postgresDatabases` (tests/helpers/postgres-databases.ts) is set. A listed backend always runs:
// nothing here skips, and a backend that cannot start fails its tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe } from 'vitest';
import { openLedger, type Ledger, type OpenLedgerOptions } from '../../src/index.js';
import { postgresDatabases } from './postgres-databases.js';

/** What a backend may offer beyond the contract; a test that needs one runs only on backends that have it. */
export type BackendCapability =
  /** The database outlives its connection: `reopen()` gives a second connection to it. */
  'reopen';

/**
 * Where fresh databases of one kind come from: the one thing a backend entry must supply.
 * `create()` gives the `openLedger` target of a new, empty database; `drop()` (optional) removes it
 * once the test is over, after every ledger opened on it was closed.
 */
export interface DatabaseFactory {
  /** Short, readable name shown in the describe titles: `sqlite file`, `postgres`. */
  readonly name: string;
  /** What the backend offers beyond the contract. */
  readonly capabilities: readonly BackendCapability[];
  /** The target of a new, empty database (a path, `:memory:`, a connection URL). */
  create(): Promise<string>;
  /** Removes a database made by `create()`; called after the test, once its ledgers are closed. */
  drop?(target: string): Promise<void>;
}

/** One entry of the matrix, as the tests see it. */
export interface LedgerBackend {
  /** Short name, also in the describe titles. */
  readonly name: string;
  /** What the backend offers beyond the contract. */
  readonly capabilities: readonly BackendCapability[];
  /** Whether the backend offers `capability`. */
  has(capability: BackendCapability): boolean;
  /** A fresh, empty ledger on a new database; closed (and its database dropped) after the test. */
  open(options?: OpenLedgerOptions): Promise<Ledger>;
  /** Like `open`, for a ledger that several tests share (open it in `beforeAll`): closed after the file. */
  openShared(options?: OpenLedgerOptions): Promise<Ledger>;
  /** A second connection to the database `ledger` was opened on (throws on a backend without `reopen`). */
  reopen(ledger: Ledger, options?: OpenLedgerOptions): Promise<Ledger>;
  /** The `openLedger` target of a new, empty database, for tests that open it themselves (the CLI, say). */
  target(): Promise<string>;
}

const sqliteFile: DatabaseFactory = {
  name: 'sqlite file',
  capabilities: ['reopen'],
  // Its own folder, removed by drop() once the ledgers on it are closed: a shared ledger outlives
  // the test that opened it, and tempDir() folders do not.
  create: () => Promise.resolve(join(mkdtempSync(join(tmpdir(), 'forecast-ledger-backend-')), 'ledger.sqlite')),
  drop: (target) => Promise.resolve(rmSync(dirname(target), { recursive: true, force: true })),
};

const sqliteMemory: DatabaseFactory = {
  name: 'sqlite :memory:',
  capabilities: [],
  create: () => Promise.resolve(':memory:'),
};

/** What to clean up: the ledgers opened and the databases created, per test or per file. */
interface Opened {
  ledgers: Ledger[];
  databases: { factory: DatabaseFactory; target: string }[];
}
const perTest: Opened = { ledgers: [], databases: [] };
const perFile: Opened = { ledgers: [], databases: [] };
/** The target each ledger was opened on, for `reopen`. */
const targets = new WeakMap<Ledger, string>();

/** Closes every ledger, then drops every database, even when one step fails; then reports the first failure. */
async function cleanUp(scope: Opened): Promise<void> {
  const closes = scope.ledgers.splice(0).map((ledger) => () => ledger.close());
  const drops = scope.databases.splice(0).map(
    ({ factory, target }) =>
      () =>
        factory.drop?.(target),
  );
  const steps = [...closes, ...drops];
  const failures: unknown[] = [];
  for (const step of steps)
    await Promise.resolve()
      .then(step)
      .catch((error: unknown) => failures.push(error));
  if (failures.length) throw failures[0];
}

afterEach(() => cleanUp(perTest));
afterAll(() => cleanUp(perFile));

function backend(factory: DatabaseFactory): LedgerBackend {
  const create = async (scope: Opened): Promise<string> => {
    const made = await factory.create();
    scope.databases.push({ factory, target: made });
    return made;
  };
  const openOn = async (scope: Opened, where: string, options?: OpenLedgerOptions): Promise<Ledger> => {
    const ledger = await openLedger(where, options);
    scope.ledgers.push(ledger);
    targets.set(ledger, where);
    return ledger;
  };
  const has = (capability: BackendCapability) => factory.capabilities.includes(capability);
  return {
    name: factory.name,
    capabilities: factory.capabilities,
    has,
    target: () => create(perTest),
    open: async (options) => openOn(perTest, await create(perTest), options),
    openShared: async (options) => openOn(perFile, await create(perFile), options),
    reopen: async (ledger, options) => {
      const where = targets.get(ledger);
      if (!has('reopen')) throw new Error(`backend ${factory.name} cannot reopen a database: declare needs: ['reopen'] on the describe`);
      if (where === undefined) throw new Error('reopen: expected a ledger opened by backend.open() or backend.reopen()');
      return openOn(perTest, where, options);
    },
  };
}

/** Every backend of the matrix, in order: SQLite file, SQLite `:memory:`, then PostgreSQL when registered. */
export const BACKENDS: readonly LedgerBackend[] = [sqliteFile, sqliteMemory, ...(postgresDatabases ? [postgresDatabases] : [])].map(backend);

/** Options for {@link describeEachBackend}. */
export interface DescribeEachBackendOptions {
  /** Run only on the backends that have every one of these capabilities. */
  needs?: readonly BackendCapability[];
}

/** The backends that have every capability in `needs`; fails when none has, so a block never vanishes. */
export function backendsWith(needs: readonly BackendCapability[] = []): readonly LedgerBackend[] {
  const chosen = BACKENDS.filter((b) => needs.every((n) => b.has(n)));
  if (chosen.length === 0) throw new Error(`no backend of the matrix has ${needs.join(', ')}`);
  return chosen;
}

/**
 * `describe(title (backend), body)` once per backend of the matrix, or per backend with `options.needs`.
 * The body runs at collection time, as a describe body does; open ledgers inside hooks or tests.
 */
export function describeEachBackend(title: string, body: (backend: LedgerBackend) => void, options: DescribeEachBackendOptions = {}): void {
  for (const b of backendsWith(options.needs)) describe(`${title} (${b.name})`, () => body(b));
}
