import { z } from 'zod';
import { Text } from './primitives.js';

/**
 * Where an imported record came from: the platform, its id there, its address and the file read.
 *
 * @remarks
 * Optional on forecasters, questions, forecasts and resolutions. The importers of
 * `forecast-ledger/importers` fill it on every record they write, so a track record moved from
 * Fatebook, Metaculus, Manifold, PredictionBook or ForecastBench can be traced back to its origin;
 * records written by hand usually leave it out. `file` is the file's base name (no directory), so a
 * ledger does not record where on someone's disk an export happened to lie; `record` is the row or
 * record inside it (`line 12`, `forecasts[40]`).
 *
 * @example
 * ```ts
 * Provenance.parse({ platform: 'forecastbench', id: 'TPkEjiNb1wVCIGFnPcDD', file: '2024-07-21-human.json' });
 * //=> { platform: 'forecastbench', id: 'TPkEjiNb1wVCIGFnPcDD', file: '2024-07-21-human.json' }
 * ```
 */
export const Provenance = z.object({
  /** The platform or data set, e.g. `forecastbench`, `fatebook`, `metaculus`. */
  platform: Text,
  /** The record's id on the platform, as the platform writes it (case kept). */
  id: Text,
  /** Where to see the record on the platform, when known. */
  url: z.url().optional(),
  /** The base name of the file it was read from. */
  file: Text.optional(),
  /** The row or record inside that file, e.g. `line 12` or `forecasts[40]`. */
  record: Text.optional(),
});
/** {@link Provenance}, as a type. */
export type Provenance = z.infer<typeof Provenance>;
