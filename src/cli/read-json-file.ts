import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LedgerError } from '../errors.js';
import { parseJsonText } from '../_internal/json-text.js';

/**
 * Reads and parses a JSON file named on the command line.
 *
 * @throws LedgerError `file_not_found`, `file_unreadable` or `invalid_json`, naming the file
 * @internal
 */
export function readJsonFile(cwd: string, file: string): unknown {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new LedgerError(
      missing ? 'file_not_found' : 'file_unreadable',
      missing ? `no such file: ${path}` : `cannot read ${path}: ${(cause as Error).message}`,
      { cause, details: { file: path } },
    );
  }
  try {
    return parseJsonText(text);
  } catch (cause) {
    throw new LedgerError('invalid_json', `${path} is not valid JSON: ${(cause as Error).message}`, { cause, details: { file: path } });
  }
}
