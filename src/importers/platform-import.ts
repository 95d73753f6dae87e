import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { LedgerValidationError, type ValidationIssue } from '../errors.js';
import { zodIssues } from '../import/zod-issues.js';
import { sha256 } from '../history/event-hash.js';
import { FORMAT_VERSION, type LedgerSnapshotInput, type PredictionFileInput } from '../model/prediction-file.js';

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
  /**
   * The records, ready for `Ledger.importPredictions`: a prediction file, or a ledger snapshot (with `sources`
   * and `updates`) when the export holds question-life events, such as the withdrawals of a Metaculus history.
   */
  predictions: PredictionFileInput | LedgerSnapshotInput;
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
  const bytes = readBytes(path);
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

/** A file's bytes, or `file_not_found` / `file_unreadable` naming it. */
function readBytes(path: string): Buffer {
  const full = resolve(path);
  try {
    return readFileSync(full);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw fileError(missing ? 'file_not_found' : 'file_unreadable', path, missing ? `no such file: ${full}` : `cannot read: ${(cause as Error).message}`);
  }
}

/**
 * Reads a UTF-8 text file (a CSV export).
 *
 * @throws LedgerValidationError `file_not_found` or `file_unreadable`, naming the file
 * @internal
 */
export function readTextFile(path: string): string {
  return readBytes(path).toString('utf8');
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

/** A name as a slug part: accents dropped, lower-cased, other characters as `-`, at most 90 characters (e.g. a model name). @internal */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
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

/**
 * Why the ledger would refuse a forecast for its date, or undefined: made after the question's due
 * date (`forecast_after_due`) or after its resolution was known. Importers report such forecasts in
 * `unmapped` instead of failing the whole import on them.
 *
 * @internal
 */
export function lateForecastReason(madeAt: string, questionId: string, resolveOn: string, resolvedOn?: string): string | undefined {
  const madeOn = madeAt.slice(0, 10);
  if (madeOn > resolveOn)
    return `forecast made ${madeAt}, after question ${questionId} came due on ${resolveOn}: the ledger scores only forecasts made by the due date`;
  if (resolvedOn && madeOn > resolvedOn) return `forecast made ${madeAt}, after question ${questionId} was resolved on ${resolvedOn}`;
  return undefined;
}

/**
 * A stable forecast id from what identifies the forecast on its platform (not from the file it was
 * read from), so importing a later export of the same account reports a conflict instead of adding the
 * forecast twice: `<platform>.f-` and 16 hex digits of a SHA-256.
 *
 * @internal
 */
export function forecastIdOf(platform: string, ...parts: readonly string[]): string {
  return `${platform}.f-${sha256(parts.join('\u0000')).slice(0, 16)}`;
}

/** 8 hex digits of the SHA-256 of a text, to keep derived ids distinct. @internal */
export function shortHash(text: string): string {
  return sha256(text).slice(0, 8);
}

/**
 * Several imports of one platform as one: records concatenated, a record met twice (the same
 * forecaster in two exports) kept once when identical.
 *
 * @internal
 */
export function mergeImports(platform: string, imports: readonly PlatformImport[]): PlatformImport {
  const seen = new Set<string>();
  const unique = <T>(records: readonly T[]): T[] =>
    records.filter((r) => {
      const key = JSON.stringify(r);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  const all = (k: 'forecasters' | 'questions' | 'forecasts' | 'resolutions') => unique(imports.flatMap((i) => (i.predictions[k] ?? []) as unknown[]));
  const updates = unique(imports.flatMap((i) => ('updates' in i.predictions ? (i.predictions.updates ?? []) : [])));
  const records = {
    formatVersion: FORMAT_VERSION as typeof FORMAT_VERSION,
    forecasters: all('forecasters') as PredictionFileInput['forecasters'],
    questions: all('questions') as PredictionFileInput['questions'],
    forecasts: all('forecasts') as PredictionFileInput['forecasts'],
    resolutions: all('resolutions') as PredictionFileInput['resolutions'],
  };
  return {
    platform,
    predictions: updates.length ? { ...records, sources: [], updates } : records,
    unmapped: imports.flatMap((i) => i.unmapped),
    files: imports.flatMap((i) => i.files),
  };
}
