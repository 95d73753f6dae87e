/**
 * The arguments of `forecast-ledger/importers`, checked at the boundary like every other public
 * function's (see src/_internal/validate-args.ts): a wrong shape, a hostile value or a value that
 * throws when read gives a `LedgerValidationError` naming the function and argument, never a TypeError.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import { parseArg, PathArg, readingArg } from '../_internal/validate-args.js';
import type { PlatformImport } from './platform-import.js';

/** A file name (for provenance and messages) and its text. @internal */
export const FileTextArg = z.strictObject({
  file: z.string({ error: 'expected the file name as a string' }),
  text: z.string({ error: 'expected the file text as a string' }),
});

/** A file name (for provenance and messages) and its parsed JSON. @internal */
export const FileDataArg = z.strictObject({ file: z.string({ error: 'expected the file name as a string' }), data: z.unknown() });

/** A list of file paths. @internal */
export const PathsArg = z.array(PathArg, { error: 'expected an array of paths' });

/**
 * Checks the argument of an importer with `schema`, then maps the parsed copy with `map`; anything
 * the caller's data throws while it is read (a getter, a Proxy trap) is `validation_failed`.
 *
 * @internal
 */
export function mapChecked<S extends z.ZodType>(
  fn: string,
  arg: string,
  schema: S,
  value: unknown,
  map: (checked: z.output<S>) => PlatformImport,
): PlatformImport {
  const checked = parseArg(fn, arg, schema, value);
  return readingArg(fn, arg, () => map(checked));
}

/** `forecastBenchToPredictions`'s argument. @internal */
export const ForecastBenchDataArg = z.strictObject({
  questionSet: FileDataArg,
  forecastSets: z.array(FileDataArg, { error: 'expected an array of { file, data }' }),
  resolutionSet: FileDataArg.optional(),
});

/** `readForecastBench`'s argument. @internal */
export const ForecastBenchFilesArg = z.strictObject({ questionSet: PathArg, forecastSets: PathsArg, resolutionSet: PathArg.optional() });

/** `readPlatformExport`'s files. @internal */
export const PlatformFilesArg = z.strictObject({
  files: PathsArg,
  questionSet: PathArg.optional(),
  forecastSets: PathsArg.optional(),
  resolutionSet: PathArg.optional(),
});

export { PathArg };
