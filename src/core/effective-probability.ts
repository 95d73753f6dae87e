import type { Forecast } from '../model/forecast.js';

/**
 * The probability a binary forecast stands for: the stated one, else the one its verbal confidence
 * implies; `null` for other kinds (and for a binary forecast with neither, which the schema refuses).
 *
 * @remarks
 * The one definition behind `forecasts.probability` in SQLite (which `verify()` re-derives in SQL
 * with the same rule) and the CLI's exports.
 *
 * @internal
 */
export function effectiveProbability(f: Pick<Forecast, 'estimate' | 'confidence'>): number | null {
  if (f.estimate.kind !== 'binary') return null;
  return f.estimate.probability ?? f.confidence?.impliedProbability ?? null;
}
