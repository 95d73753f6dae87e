/**
 * Counts of records per kind, as a ledger reports them.
 *
 * @module
 */

/** Counts per kind of record. */
export interface RecordCounts {
  sources: number;
  forecasters: number;
  questions: number;
  forecasts: number;
  resolutions: number;
  /** Question-life events: clarifications, amendments, comments and withdrawals. */
  updates: number;
}
