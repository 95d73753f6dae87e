import { openLedger, type Ledger } from '../ledger.js';
import { backendFor, isUrlTarget, safeTarget } from '../storage/backends.js';
import type { MigrationInfo } from '../storage/types.js';
import { CliError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { EXIT_CODES } from './exit-codes.js';

/** An open ledger, and whether opening it created the ledger (a new file, or the tables in an empty server database). @internal */
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
 * @remarks
 * A command never deletes a database, not even one it just created and then failed to write to:
 * between opening and failing, another process (a second `import` started at the same moment, say)
 * may have opened the same new file and committed to it, and deleting the file would destroy what
 * that process had already reported as written. No check before deleting can rule this out, since
 * the other process may hold the file open and write after the check. So a failed command that
 * created the file leaves an empty, valid ledger behind (what `init` makes).
 *
 * @throws CliError `ledger_not_found` when the file is missing and `create` is off
 * @internal
 */
export async function openSession(path: string, options: OpenSessionOptions = {}): Promise<LedgerSession> {
  const exists = backendFor(path).exists(path);
  if (!exists && !options.create) {
    throw new CliError('ledger_not_found', `no ledger database at ${safeTarget(path)}`, {
      exitCode: EXIT_CODES.notFound,
      hint: options.initHint ?? 'create one with: forecast-ledger init (or forecast-ledger import <dir>), or pass --db <file>',
    });
  }
  const ledger = await openLedger(path);
  // A server database (a URL) exists beforehand: the ledger was created if this open applied migration 1.
  const created = isUrlTarget(path) ? ledger.store.openReport.applied.some((m) => m.version === 1) : !exists;
  return { ledger, path, created };
}

/** Closes the session's ledger (never deleting the file: see {@link openSession}). @internal */
export async function closeSession(session: LedgerSession): Promise<void> {
  await session.ledger.close();
}

/** Runs `fn` on the ledger at `path`, then closes it. @internal */
export async function withSession<T>(path: string, options: OpenSessionOptions, fn: (ledger: Ledger, session: LedgerSession) => Promise<T>): Promise<T> {
  const session = await openSession(path, options);
  try {
    return await fn(session.ledger, session);
  } finally {
    await closeSession(session);
  }
}

/** The hint for a missing ledger: the command that creates one. @internal */
export const initHint = (ctx: CommandContext): string => `create one with: ${ctx.cli('init')}, or pass --db <file>`;

/** Runs `fn` on the command's ledger; see {@link withSession}. @internal */
export async function withLedger<T>(
  ctx: CommandContext,
  options: { create?: boolean },
  fn: (ledger: Ledger, session: LedgerSession) => Promise<T>,
): Promise<T> {
  return withSession(ctx.db, { ...options, initHint: initHint(ctx) }, fn);
}

/** The migrations that opening the ledger applied (its store's open report). @internal */
export function appliedOnOpen(ledger: Ledger): readonly MigrationInfo[] {
  return ledger.store.openReport.applied;
}
