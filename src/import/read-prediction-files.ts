import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ValidationIssue } from '../errors.js';
import { parseJsonText } from '../_internal/json-text.js';

/** One input document: its file (if read from disk) and its parsed JSON. @internal */
export interface PredictionInput {
  file?: string;
  data: unknown;
}

/**
 * Reads a prediction file, or every `*.json` file of a folder (sorted by name), as JSON.
 *
 * @returns the inputs and the problems met (missing path, unreadable file, invalid JSON)
 * @internal
 */
export function readPredictionFiles(path: string): { inputs: PredictionInput[]; issues: ValidationIssue[] } {
  const inputs: PredictionInput[] = [];
  const issues: ValidationIssue[] = [];
  const full = resolve(path);
  let files: string[];
  try {
    const stat = statSync(full);
    files = stat.isDirectory()
      ? readdirSync(full)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(full, f))
      : [full];
  } catch {
    return { inputs, issues: [{ code: 'file_not_found', file: path, path: '', message: `no such file or folder: ${full}` }] };
  }
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      issues.push({ code: 'file_unreadable', file, path: '', message: `cannot read: ${(cause as Error).message}` });
      continue;
    }
    try {
      inputs.push({ file, data: parseJsonText(text) });
    } catch (cause) {
      issues.push({ code: 'invalid_json', file, path: '', message: `not valid JSON: ${(cause as Error).message}` });
    }
  }
  return { inputs, issues };
}
