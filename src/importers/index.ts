/**
 * `forecast-ledger/importers`: bring a track record in from another platform.
 *
 * @remarks
 * One module per platform turns that platform's export into a prediction file (`PlatformImport`):
 * every record keeps its `provenance` (platform, original id, URL, file and record), and whatever the
 * ledger cannot hold is listed in `unmapped` with the reason, never dropped silently. A malformed
 * file throws a `LedgerValidationError` naming the file and the row or record; nothing is imported.
 * Import the result with `ledger.importPredictions(result.predictions)` (all or nothing), or run
 * `forecast-ledger import-from PLATFORM FILES…`.
 *
 * ForecastBench data is © Forecasting Research Institute, CC BY-SA 4.0: anything derived from it that
 * you publish must attribute it and keep the licence (see {@link FORECASTBENCH_ATTRIBUTION}).
 *
 * @packageDocumentation
 */
export {
  FORECASTBENCH_ATTRIBUTION,
  FORECASTBENCH_DATA_SOURCES,
  FORECASTBENCH_MARKET_SOURCES,
  forecastBenchToPredictions,
  readForecastBench,
} from './forecastbench.js';
export type { ForecastBenchData, ForecastBenchFiles } from './forecastbench.js';
export { FATEBOOK_REQUIRED_COLUMNS, fatebookToPredictions, readFatebook } from './fatebook.js';
export { manifoldToPredictions, readManifold } from './manifold.js';
export { metaculusToPredictions, readMetaculus } from './metaculus.js';
export { predictionBookToPredictions, readPredictionBook } from './predictionbook.js';
export { IMPORT_PLATFORMS, readPlatformExport } from './read-platform-export.js';
export type { ImportPlatform, PlatformFiles } from './read-platform-export.js';
export type { PlatformImport, UnmappedItem } from './platform-import.js';
