// Runs the BUILT command (dist/cli.js) as a user would, on temporary databases.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import type { z } from 'zod';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const PREDICTIONS = join(ROOT, 'predictions');

if (!existsSync(CLI)) {
  throw new Error(`${CLI} is missing: the CLI tests run against the built command. Run \`npm run build\` (or \`npx tsup\`) first; \`npm test\` does.`);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `forecast-ledger …args` without colour and without $FORECAST_LEDGER_DB unless given. */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { FORECAST_LEDGER_DB: _db, ...env } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...env, NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Parses stdout as one JSON document and checks it against a schema; fails the test with the output otherwise. */
export function parseJson<S extends z.ZodType>(schema: S, result: CliResult): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(result.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`unexpected JSON shape: ${parsed.error.message}\n${result.stdout.slice(0, 2000)}`);
  return parsed.data;
}

/** Expects success, with a useful message when not. */
export function expectOk(result: CliResult): CliResult {
  expect(result.code, `exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
  return result;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the test file. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-ledger-cli-'));
  dirs.push(dir);
  return dir;
}

let imported: Promise<string> | undefined;

/** A ledger with predictions/ imported, built once per test file; copy it with {@link importedCopy} before writing. */
export function importedLedger(): Promise<string> {
  imported ??= (async () => {
    const db = join(scratchDir(), 'imported.sqlite');
    expectOk(await cli(['import', PREDICTIONS, '--db', db]));
    return db;
  })();
  return imported;
}

/** A fresh copy of {@link importedLedger}, for a test that writes. */
export async function importedCopy(): Promise<string> {
  const db = join(scratchDir(), 'ledger.sqlite');
  copyFileSync(await importedLedger(), db);
  return db;
}

/** The ledger's contents and head, to show a failed command changed nothing. */
export async function ledgerState(db: string): Promise<{ export: string; head: string; events: number }> {
  const [exported, verified] = await Promise.all([cli(['export', '--format', 'json', '--db', db]), cli(['verify', '--json', '--db', db])]);
  expectOk(exported);
  const { head, events } = JSON.parse(expectOk(verified).stdout) as { head: string; events: number };
  return { export: exported.stdout, head, events };
}
