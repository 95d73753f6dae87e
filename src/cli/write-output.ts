import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './cli-error.js';
import { EXIT_CODES } from './exit-codes.js';

/**
 * Writes a file named by `--out` (creating its folder), through a temporary file and a rename, so
 * a reader never sees half a file.
 *
 * @returns the absolute path written
 * @throws CliError `output_failed`
 * @internal
 */
export function writeOutput(cwd: string, file: string, content: string): string {
  const path = resolve(cwd, file);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
    return path;
  } catch (cause) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is not there: nothing to clean up
    }
    throw new CliError('output_failed', `cannot write ${path}: ${(cause as Error).message}`, {
      exitCode: EXIT_CODES.storage,
      hint: 'choose another --out path',
      cause,
    });
  }
}
