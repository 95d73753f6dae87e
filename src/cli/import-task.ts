import { parentPort, Worker, workerData } from 'node:worker_threads';
import { LedgerError, type LedgerErrorCode } from '../errors.js';
import type { ImportReport } from '../ledger.js';
import { CliError, type CliErrorCode } from './cli-error.js';
import type { CommandContext } from './context.js';
import type { ExitCode } from './exit-codes.js';
import { parsePath } from './flags.js';
import { initHint, withSession, type OpenSessionOptions } from './ledger-session.js';
import { startProgress } from './progress.js';

/** What the worker is asked to do. */
interface ImportTask extends OpenSessionOptions {
  task: 'forecast-ledger:import';
  db: string;
  source: string;
}

/** An error as it crosses from the worker to the main thread (class identity is lost on the way). */
type WireError =
  | { kind: 'ledger'; code: LedgerErrorCode; message: string; details: Record<string, unknown> }
  | { kind: 'cli'; code: CliErrorCode; message: string; exitCode: ExitCode; hint?: string }
  | { kind: 'other'; message: string; stack?: string };

type WireResult = { ok: true; report: ImportReport } | { ok: false; error: WireError };

function toWire(error: unknown): WireError {
  if (error instanceof LedgerError) return { kind: 'ledger', code: error.code, message: error.message, details: error.details };
  if (error instanceof CliError)
    return { kind: 'cli', code: error.code, message: error.message, exitCode: error.exitCode, ...(error.hint ? { hint: error.hint } : {}) };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

function fromWire(error: WireError): Error {
  if (error.kind === 'ledger') return new LedgerError(error.code, error.message, { details: error.details });
  if (error.kind === 'cli') return new CliError(error.code, error.message, { exitCode: error.exitCode, ...(error.hint ? { hint: error.hint } : {}) });
  return Object.assign(new Error(error.message), error.stack ? { stack: error.stack } : {});
}

/**
 * The worker side: imports, closes the ledger, posts the report or the error. Runs when the
 * entry module is started as a worker by {@link importWithProgress}.
 *
 * @internal
 */
export async function runImportTask(): Promise<void> {
  const { db, source, ...options } = workerData as ImportTask;
  let result: WireResult;
  try {
    result = { ok: true, report: await withSession(db, options, (ledger) => ledger.importPredictions(source)) };
  } catch (error) {
    result = { ok: false, error: toWire(error) };
  }
  parentPort!.postMessage(result);
}

/**
 * Imports a prediction file or folder into the command's ledger (creating it when `create`).
 *
 * @remarks
 * The library's import is synchronous underneath (better-sqlite3), which would freeze a spinner.
 * So when stderr is a terminal the import runs in a worker thread while this thread draws the
 * progress indicator (shown only after a second); otherwise it runs here, with nothing shown.
 * Either way it is one all-or-nothing transaction.
 *
 * @internal
 */
export async function importWithProgress(ctx: CommandContext, source: string, options: { create: boolean }): Promise<ImportReport> {
  const path = parsePath(ctx.io.cwd, source, '<file|dir>');
  const sessionOptions: OpenSessionOptions = { create: options.create, initHint: initHint(ctx) };
  if (!ctx.io.stderr.isTTY || !ctx.io.entryUrl) return withSession(ctx.db, sessionOptions, (ledger) => ledger.importPredictions(path));
  const task: ImportTask = { task: 'forecast-ledger:import', db: ctx.db, source: path, ...sessionOptions };
  const progress = startProgress(ctx.out, `importing ${source}`);
  try {
    return await new Promise<ImportReport>((done, fail) => {
      const worker = new Worker(new URL(ctx.io.entryUrl!), { workerData: task });
      worker.once('message', (result: WireResult) => (result.ok ? done(result.report) : fail(fromWire(result.error))));
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`the import worker stopped (exit code ${code}) without a result`)));
    });
  } finally {
    progress.stop();
  }
}
