import { existsSync, rmSync } from 'node:fs';
import { openLedger, type Ledger } from '../ledger.js';
import { SqliteStore } from '../storage/sqlite/sqlite-store.js';
import type { MigrationInfo } from '../storage/types.js';
import { CliError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { EXIT_CODES } from './exit-codes.js';

/** An open ledger, and whether opening it created the database file. @internal */
export interface LedgerSession {
  ledger: Ledger;
  path: string;
  created: boolean;
}

/** Options for {@link openSession}. @internal */
export interface OpenSessionOptions {
  /** Create the database when the file does not exist (default: refuse, with a hint). */
  create?: boolean;
  /** The command to suggest when the file is missing. */
  initHint?: string;
}

/**
 * Opens the ledger at `path` (migrating it if needed).
 *
 * @throws CliError `ledger_not_found` when the file is missing and `create` is off
 * @internal
 */
export async function openSession(path: string, options: OpenSessionOptions = {}): Promise<LedgerSession> {
  const exists = path === ':memory:' || existsSync(path);
  if (!exists && !options.create) {
    throw new CliError('ledger_not_found', `no ledger database at ${path}`, {
      exitCode: EXIT_CODES.notFound,
      hint: options.initHint ?? 'create one with: forecast-ledger init (or forecast-ledger import <dir>), or pass --db <file>',
    });
  }
  try {
    return { ledger: await openLedger(path), path, created: !exists };
  } catch (error) {
    if (!exists) removeDatabase(path);
    throw error;
  }
}

function removeDatabase(path: string): void {
  if (path === ':memory:') return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Closes the session. When the command failed and the session created the database file, the file
 * is removed, so a failed command leaves nothing behind.
 *
 * @internal
 */
export async function closeSession(session: LedgerSession, failed: boolean): Promise<void> {
  await session.ledger.close();
  if (failed && session.created) removeDatabase(session.path);
}

/** Runs `fn` on the ledger at `path`, then closes it (removing a database it created if `fn` fails). @internal */
export async function withSession<T>(path: string, options: OpenSessionOptions, fn: (ledger: Ledger, session: LedgerSession) => Promise<T>): Promise<T> {
  const session = await openSession(path, options);
  let failed = true;
  try {
    const result = await fn(session.ledger, session);
    failed = false;
    return result;
  } finally {
    await closeSession(session, failed);
  }
}

/** The hint for a missing ledger: the command that creates one. @internal */
export const initHint = (ctx: CommandContext): string => `create one with: ${ctx.cli('init')}, or pass --db <file>`;

/** Runs `fn` on the command's ledger; see {@link withSession}. @internal */
export async function withLedger<T>(ctx: CommandContext, options: { create?: boolean }, fn: (ledger: Ledger, session: LedgerSession) => Promise<T>): Promise<T> {
  return withSession(ctx.db, { ...options, initHint: initHint(ctx) }, fn);
}

/** The migrations that opening the ledger applied (none for a store other than SQLite). @internal */
export function appliedOnOpen(ledger: Ledger): readonly MigrationInfo[] {
  return ledger.store instanceof SqliteStore ? ledger.store.migratedOnOpen.applied : [];
}
