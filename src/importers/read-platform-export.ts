import { z } from 'zod';
import { parseArg } from '../_internal/validate-args.js';
import { LedgerValidationError } from '../errors.js';
import { PlatformFilesArg } from './importer-args.js';
import { readFatebook } from './fatebook.js';
import { readForecastBench } from './forecastbench.js';
import { readManifold } from './manifold.js';
import { readMetaculus } from './metaculus.js';
import { readPredictionBook } from './predictionbook.js';
import { mergeImports, type PlatformImport } from './platform-import.js';

/** The platforms `import-from` reads, as an `as const` tuple. */
export const IMPORT_PLATFORMS = ['forecastbench', 'fatebook', 'predictionbook', 'metaculus', 'manifold'] as const;
/** One of {@link IMPORT_PLATFORMS}. */
export type ImportPlatform = (typeof IMPORT_PLATFORMS)[number];

/** The files of one platform export. */
export interface PlatformFiles {
  /**
   * The export files: Fatebook CSV exports, PredictionBook / Metaculus / Manifold API JSON (Manifold:
   * markets and bets); for ForecastBench, forecast sets (besides the named sets below).
   */
  files: readonly string[];
  /** ForecastBench: the question set. */
  questionSet?: string;
  /** ForecastBench: more forecast sets (added to `files`). */
  forecastSets?: readonly string[];
  /** ForecastBench: the resolution set. */
  resolutionSet?: string;
}

/**
 * Reads one platform's export files into a prediction file, by platform name.
 *
 * @param platform - one of {@link IMPORT_PLATFORMS}
 * @param input - the files
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `validation_failed` for an unknown platform or missing file;
 *   the platform reader's errors (file, record) otherwise
 *
 * @example
 * ```ts
 * const result = readPlatformExport('forecastbench', { files: ['supers.json.gz'], questionSet: 'q.json.gz', resolutionSet: 'r.json.gz' });
 * ```
 */
export function readPlatformExport(platform: string, input: PlatformFiles): PlatformImport {
  platform = parseArg('readPlatformExport', 'platform', z.string({ error: `expected one of ${IMPORT_PLATFORMS.join(', ')}` }), platform);
  input = parseArg('readPlatformExport', 'input', PlatformFilesArg, input);
  switch (platform as ImportPlatform) {
    case 'forecastbench': {
      const forecastSets = [...input.files, ...(input.forecastSets ?? [])];
      if (!input.questionSet || !forecastSets.length) {
        throw new LedgerValidationError('validation_failed', 'ForecastBench import: expected a question set and at least one forecast set', [
          {
            code: 'validation_failed',
            path: input.questionSet ? 'forecastSets' : 'questionSet',
            message: `expected ${input.questionSet ? 'a forecast set (--forecast-set F)' : 'a question set (--question-set Q)'}, received none`,
          },
        ]);
      }
      return readForecastBench({ questionSet: input.questionSet, forecastSets, ...(input.resolutionSet ? { resolutionSet: input.resolutionSet } : {}) });
    }
    case 'fatebook':
      return mergeImports('fatebook', input.files.map(readFatebook));
    case 'predictionbook':
      return mergeImports('predictionbook', input.files.map(readPredictionBook));
    case 'metaculus':
      return mergeImports('metaculus', input.files.map(readMetaculus));
    case 'manifold':
      return readManifold(input.files);
    default:
      throw new LedgerValidationError('validation_failed', `unknown platform "${platform}"`, [
        { code: 'validation_failed', path: 'platform', message: `expected one of ${IMPORT_PLATFORMS.join(', ')}, received "${platform}"` },
      ]);
  }
}
