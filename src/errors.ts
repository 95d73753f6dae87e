/**
 * The error hierarchy of forecast-ledger.
 *
 * @module
 */

/**
 * Every stable error code the library raises, as an `as const` tuple.
 *
 * @remarks
 * Codes are part of the public contract: they never change meaning once published.
 */
export const LEDGER_ERROR_CODES = [
  'validation_failed',
  'import_failed',
  'file_not_found',
  'file_unreadable',
  'invalid_json',
  'duplicate_id',
  'conflicting_record',
  'source_not_found',
  'forecaster_not_found',
  'question_not_found',
  'kind_mismatch',
  'unknown_option',
  'forecast_after_due',
  'resolution_in_future',
  'forecasts_after_outcome',
  'already_resolved',
  'not_resolved',
  'reason_required',
  'evidence_required',
  'migration_checksum_mismatch',
  'migration_missing',
  'migration_out_of_order',
  'migration_failed',
  'migration_pending',
  'database_newer_than_library',
  'storage_error',
  'ledger_closed',
  'invalid_anchor',
  'file_exists',
  'forecast_not_found',
  'already_withdrawn',
] as const;

/** A stable, machine-readable error code; see {@link LEDGER_ERROR_CODES}. */
export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

/**
 * The key of the static brand each error class carries, in the global symbol registry so that every
 * copy of the library (each entry point's bundle, the ESM and the CommonJS build) shares it.
 */
const BRAND_OF: unique symbol = Symbol.for('forecast-ledger.brand') as never;

/** Marks `error` with `brand`: an own, non-enumerable property, so errors print and serialize as before. */
function setBrand(error: Error, brand: symbol): void {
  Object.defineProperty(error, brand, { value: true });
}

/** Whether `value` carries `brand` (set by the constructor of a branded class). */
function hasBrand(value: unknown, brand: symbol): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[brand] === true;
  } catch {
    return false; // a Proxy whose get trap throws is not one of ours
  }
}

/**
 * `instanceof` for a branded class: true for an instance made by any copy of the library.
 *
 * @remarks
 * A class declared outside the library (a caller's own subclass) has no brand of its own and gets
 * the ordinary prototype-chain test.
 */
function brandedInstanceOf(cls: object, value: unknown): boolean {
  const brand = Object.hasOwn(cls, BRAND_OF) ? (cls as Record<symbol, unknown>)[BRAND_OF] : undefined;
  if (typeof brand === 'symbol') return hasBrand(value, brand);
  try {
    return Function.prototype[Symbol.hasInstance].call(cls, value);
  } catch {
    return false;
  }
}

/** Options accepted by the {@link LedgerError} constructor. */
export interface LedgerErrorOptions {
  /** The underlying error, when this one wraps another. */
  cause?: unknown;
  /** Structured details that help a caller act on the error (ids, paths, values). */
  details?: Record<string, unknown>;
}

/**
 * The one error class the library throws.
 *
 * @remarks
 * Branch on {@link LedgerError.code}, never on the message. Driver errors (better-sqlite3's
 * `SqliteError`) are wrapped with `code: 'storage_error'` and kept as `cause`.
 *
 * `instanceof LedgerError` holds for an error thrown by any entry point (`forecast-ledger`,
 * `forecast-ledger/scoring`) and by either build (ESM or CommonJS), even though each bundles its
 * own copy of the class: the test looks for a brand in the global symbol registry
 * (`Symbol.for('forecast-ledger.LedgerError')`) instead of walking the prototype chain.
 *
 * @example
 * ```ts
 * try { await ledger.getQuestion('nope'); }
 * catch (e) { if (e instanceof LedgerError) e.code; } //=> 'question_not_found'
 * ```
 */
export class LedgerError extends Error {
  /** @internal */
  static readonly [BRAND_OF]: symbol = Symbol.for('forecast-ledger.LedgerError');

  /**
   * Whether `value` is a LedgerError (or, called on a subclass, an instance of that subclass) made
   * by any copy of the library: each entry point and each of the ESM and CommonJS builds.
   *
   * @param value - anything
   * @returns true for an error of this class from any copy of the library
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandedInstanceOf(this, value);
  }

  /** The stable error code. */
  readonly code: LedgerErrorCode;
  /** Structured details; shape depends on the code. */
  readonly details: Record<string, unknown>;

  /**
   * @param code - the stable error code
   * @param message - a message of the form "what failed: expected X, received Y" plus the fix
   * @param options - cause and details
   */
  constructor(code: LedgerErrorCode, message: string, options: LedgerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LedgerError';
    setBrand(this, LedgerError[BRAND_OF]);
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** One problem found while validating input. */
export interface ValidationIssue {
  /** The file the record came from, when it came from a file. */
  file?: string;
  /** The id of the record at fault (question id, forecast id, …), when it has one. */
  recordId?: string;
  /** The field path inside the file or record, e.g. `questions[3].resolution.resolveOn`. */
  path: string;
  /** What is wrong, in words. */
  message: string;
  /** The stable code of the problem (`validation_failed`, `question_not_found`, …). */
  code: LedgerErrorCode;
  /** Structured facts a caller can act on, when the code has them (e.g. the forecasts of `forecasts_after_outcome`). */
  details?: Record<string, unknown>;
}

/** Formats one issue as `file › record › path: message`. @internal */
export function formatIssue(issue: ValidationIssue): string {
  const where = [issue.file, issue.recordId ? `record "${issue.recordId}"` : undefined, issue.path || undefined].filter(Boolean).join(' › ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * A {@link LedgerError} that carries every problem found in some input, not just the first.
 *
 * @remarks
 * Raised with code `validation_failed` for a single bad record and `import_failed` for a batch;
 * in both cases nothing was written.
 */
export class LedgerValidationError extends LedgerError {
  /** @internal */
  static override readonly [BRAND_OF]: symbol = Symbol.for('forecast-ledger.LedgerValidationError');

  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param code - `validation_failed` or `import_failed`
   * @param summary - what was being validated
   * @param issues - every problem found
   */
  constructor(code: LedgerErrorCode, summary: string, issues: readonly ValidationIssue[]) {
    const lines = issues.slice(0, 50).map((issue) => `  - ${formatIssue(issue)}`);
    if (issues.length > 50) lines.push(`  … and ${issues.length - 50} more`);
    super(code, `${summary}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`, {
      details: { issues },
    });
    this.name = 'LedgerValidationError';
    setBrand(this, LedgerValidationError[BRAND_OF]);
    this.issues = issues;
  }
}
