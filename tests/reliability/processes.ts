// Child processes for the reliability tests: the BUILT library (dist/index.js) and command (dist/cli.js),
// run as separate Node processes, so they race, crash and lock the database as real users' processes do.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WORKERS = join(ROOT, 'tests', 'reliability', 'workers');
export const CLI = join(ROOT, 'dist', 'cli.js');

for (const built of [CLI, join(ROOT, 'dist', 'index.js')]) {
  if (!existsSync(built)) throw new Error(`${built} is missing: the reliability tests run the built package. Run \`npm run build\` first; \`npm test\` does.`);
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running child process and the promise of its result. */
export interface Running {
  child: ChildProcess;
  /** Everything it has written to stdout so far. */
  stdout(): string;
  done: Promise<ProcessResult>;
}

/** Starts `node <file> …args` (a worker script name, or the CLI). */
export function start(file: string, args: readonly string[]): Running {
  const { FORECAST_LEDGER_DB: _db, ...env } = process.env;
  const child = spawn(process.execPath, [file.includes('/') ? file : join(WORKERS, file), ...args], {
    env: { ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<ProcessResult>((resolveDone) => child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr })));
  return { child, stdout: () => stdout, done };
}

/** Runs `node <file> …args` to its end. */
export function run(file: string, args: readonly string[]): Promise<ProcessResult> {
  return start(file, args).done;
}

/** Resolves once the process has written `text` to stdout (or ended). */
export async function waitFor(p: Running, text: string): Promise<boolean> {
  for (;;) {
    if (p.stdout().includes(text)) return true;
    if (p.child.exitCode !== null || p.child.signalCode !== null) return p.stdout().includes(text);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** A small deterministic PRNG (mulberry32), so a failing trial can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
