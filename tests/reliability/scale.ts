/**
 * Counts for the reliability suite: `npm test` runs the reduced count of each heavy loop,
 * `npm run test:reliability` (FORECAST_LEDGER_RELIABILITY=full) the full one.
 */
export const FULL_RELIABILITY = process.env.FORECAST_LEDGER_RELIABILITY === 'full';

/** `reduced` in `npm test`, `full` in `npm run test:reliability`. */
export function scaled(reduced: number, full: number): number {
  return FULL_RELIABILITY ? full : reduced;
}
