import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { LedgerValidationError, type ValidationIssue } from '../errors.js';
import { zodIssues } from '../import/zod-issues.js';
import { sha256 } from '../history/event-hash.js';
import type { PredictionFileInput } from '../model/prediction-file.js';

/** One thing of a platform's export that the ledger cannot hold, reported instead of dropped. */
export interface UnmappedItem {
  /** The base name of the file it is in. */
  file: string;
  /** The record inside it, e.g. `questions[12]` or `line 7`. */
  record: string;
  /** Why it was not imported (or imported differently), in words. */
  reason: string;
}

/** A platform export turned into one prediction file, with what could not be mapped. */
export interface PlatformImport {
  /** The platform, e.g. `forecastbench`. */
  platform: string;
  /** The records, ready for `Ledger.importPredictions`. */
  predictions: PredictionFileInput;
  /** Everything not imported as is, with the reason; empty when everything mapped. */
  unmapped: UnmappedItem[];
  /** The files read (as given). */
  files: string[];
}

/**
 * Reads a JSON file, gunzipping it when it ends in `.gz`.
 *
 * @throws LedgerValidationError `file_not_found`, `file_unreadable` or `invalid_json`, naming the file
 * @internal
 */
export function readJsonFile(path: string): unknown {
  const full = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw fileError(missing ? 'file_not_found' : 'file_unreadable', path, missing ? `no such file: ${full}` : `cannot read: ${(cause as Error).message}`);
  }
  let text: string;
  try {
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (cause) {
    throw fileError('file_unreadable', path, `not a gzip file: ${(cause as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw fileError('invalid_json', path, `not valid JSON: ${(cause as Error).message}`);
  }
}

function fileError(code: 'file_not_found' | 'file_unreadable' | 'invalid_json', file: string, message: string): LedgerValidationError {
  return new LedgerValidationError(code, `cannot read ${file}`, [{ code, file, path: '', message }]);
}

/**
 * Parses a platform file with its schema, or throws every problem with the file and record path.
 *
 * @throws LedgerValidationError `validation_failed`, nothing imported
 * @internal
 */
export function parsePlatformFile<S extends z.ZodType>(schema: S, data: unknown, file: string, what: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw invalidFile(zodIssues(parsed.error, { file: basename(file), root: data }), what);
}

/** The error for problems found in platform files: nothing is imported. @internal */
export function invalidFile(issues: ValidationIssue[], what: string): LedgerValidationError {
  return new LedgerValidationError(issues.length === 1 ? issues[0]!.code : 'import_failed', `invalid ${what}, nothing was imported`, issues);
}

/**
 * A platform's id as a slug part: lower-cased with other characters as `-`; when that changes it
 * (upper case, spaces), 8 hex digits of its SHA-256 are appended so distinct ids stay distinct.
 *
 * @internal
 */
export function slugPart(raw: string): string {
  const slug = slugify(raw);
  if (slug === raw) return slug;
  return `${slug || 'id'}-${sha256(raw).slice(0, 8)}`;
}

/** A name as a slug part: lower-cased, other characters as `-`, at most 90 characters (e.g. a model name). @internal */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/, '');
}

/** A URL when `text` is an http(s) address, else undefined. @internal */
export function urlOrUndefined(text: string | null | undefined): string | undefined {
  if (!text || !/^https?:\/\/\S+$/.test(text)) return undefined;
  try {
    return new URL(text).toString();
  } catch {
    return undefined;
  }
}
