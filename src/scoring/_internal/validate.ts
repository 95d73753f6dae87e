/**
 * Input checks shared by the scoring rules. Every check throws a {@link LedgerError} with code
 * `validation_failed` and a message of the form "<function>: expected <what>, received <value>".
 *
 * @internal
 * @module
 */
import { LedgerError } from '../../errors.js';
import { describeThrown } from '../../_internal/validate-args.js';
import type { ProbabilityOutcomePair } from '../probability-outcome-pair.js';

/** Renders a received value for an error message: numbers as JS prints them, strings quoted. @internal */
export function describeValue(value: unknown): string {
  try {
    return describe(value);
  } catch {
    return `a ${typeof value} that throws when inspected`; // a revoked Proxy, say
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'symbol') return 'a symbol';
  return typeof value;
}

/**
 * Builds the `validation_failed` error every check throws.
 *
 * @param fn - the public function that received the input, e.g. `brierScore`
 * @param field - the argument or field path, e.g. `probability` or `pairs[3].probability`
 * @param expected - what was expected, e.g. `in [0, 1]`
 * @param received - the offending value
 * @param hint - an optional sentence telling the caller how to fix it
 * @internal
 */
export function invalidInput(fn: string, field: string, expected: string, received: unknown, hint?: string): LedgerError {
  const message = `${fn}: expected ${field} ${expected}, received ${describeValue(received)}${hint ? `. ${hint}` : ''}`;
  return new LedgerError('validation_failed', message, { details: { function: fn, field, received } });
}

/** Throws unless `value` is a finite number. @internal */
export function assertFinite(fn: string, field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(fn, field, 'to be a finite number', value);
}

/** Throws unless `value` is a finite number greater than 0. @internal */
export function assertPositive(fn: string, field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidInput(fn, field, 'to be a finite number > 0', value);
  }
}

/** Throws unless `value` is a probability in the closed interval [0, 1] (NaN is rejected). @internal */
export function assertProbability(fn: string, field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw invalidInput(fn, field, 'in [0, 1]', value);
}

/** Throws unless `value` lies in the open interval (0, 1). @internal */
export function assertOpenUnitInterval(fn: string, field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) throw invalidInput(fn, field, 'in the open interval (0, 1)', value);
}

/** Throws unless `value` is a boolean. @internal */
export function assertBoolean(fn: string, field: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') {
    throw invalidInput(fn, field, 'to be a boolean (true when the event happened)', value);
  }
}

/** Throws unless `value` is an integer ≥ `min`. @internal */
export function assertInteger(fn: string, field: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalidInput(fn, field, `to be an integer ≥ ${min}`, value);
  }
}

/** Throws unless `value` is a non-empty array. @internal */
export function assertNonEmptyArray(fn: string, field: string, value: unknown): asserts value is readonly unknown[] {
  if (!guardInput(fn, field, 'a non-empty array', () => Array.isArray(value) && value.length > 0))
    throw invalidInput(fn, field, 'to be a non-empty array', value);
  assertReadable(fn, field, value as readonly unknown[]);
}

/**
 * Reads every element once, so an array whose elements throw when read is `validation_failed` here,
 * and so is a sparse array: a hole (`[, 0.5]`) is skipped by `forEach` and `every` but read as
 * `undefined` by `for…of`, so the checks and the computation would see different arrays.
 *
 * @internal
 */
export function assertReadable(fn: string, field: string, values: readonly unknown[]): void {
  const hole = guardInput(fn, field, 'an array of plain values', () => {
    for (let i = 0; i < values.length; i++) {
      if (!(i in values)) return i;
      void values[i];
    }
    return -1;
  });
  if (hole >= 0) throw invalidInput(fn, `${field}[${hole}]`, 'to be present (the array has a hole there)', undefined);
}

/**
 * Throws unless `pairs` is a non-empty array of `{ probability ∈ [0, 1], outcome: boolean }`.
 *
 * @internal
 */
export function assertPairs(fn: string, pairs: unknown): asserts pairs is readonly ProbabilityOutcomePair[] {
  assertNonEmptyArray(fn, 'pairs', pairs);
  guardInput(fn, 'pairs', 'an array of { probability, outcome }', () => checkPairs(fn, pairs));
}

function checkPairs(fn: string, pairs: readonly unknown[]): void {
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i];
    if (typeof pair !== 'object' || pair === null) throw invalidInput(fn, `pairs[${i}]`, 'to be { probability, outcome }', pair);
    const { probability, outcome } = pair as Record<string, unknown>;
    assertProbability(fn, `pairs[${i}].probability`, probability);
    assertBoolean(fn, `pairs[${i}].outcome`, outcome);
  }
}

/**
 * The most equal-width bins `calibrationCurve` and `brierDecomposition` take.
 *
 * @remarks
 * Far more than any calibration plot needs (a bin narrower than 10⁻⁶ holds one distinct probability
 * at most for forecasts given to six decimals). Beyond 2⁵³ the bin arithmetic stops being exact:
 * `k - 1 === k`, so finding a probability's bin never ended (`bins: Number.MAX_VALUE` hung the process).
 *
 * @internal
 */
export const MAX_BINS = 1_000_000;

/** Throws unless `bins` is an integer from 1 to {@link MAX_BINS}. @internal */
export function assertBins(fn: string, bins: unknown): asserts bins is number {
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
    throw invalidInput(fn, 'bins', 'to be an integer from 1 to 1,000,000', bins);
  }
}

/**
 * Reads an options argument: `undefined` is no options; anything but a plain object is
 * `validation_failed`; a key not in `keys` is `unknown_option`. Returns a copy of the known keys, so
 * a getter is read once and a throwing one is `validation_failed`.
 *
 * @internal
 */
export function readOptions<O extends object>(fn: string, options: O | undefined, keys: readonly (keyof O & string)[]): Partial<O> {
  if (options === undefined) return {};
  // A hot path (scoring calls brierScore and logLoss per claim): one pass, no closures.
  try {
    if (typeof options !== 'object' || options === null || Array.isArray(options))
      throw invalidInput(fn, 'options', 'to be an options object or undefined', options);
    const copy: Partial<O> = {};
    let known = 0;
    for (const key of keys) {
      if (!Object.hasOwn(options, key)) continue;
      known++;
      const value = options[key];
      if (value !== undefined) copy[key] = value;
    }
    if (Object.keys(options).length !== known) throw unknownOptions(fn, options, keys);
    return copy;
  } catch (thrown) {
    if (thrown instanceof LedgerError) throw thrown;
    return guardInput(fn, 'options', 'an options object', () => {
      throw thrown;
    });
  }
}

function unknownOptions(fn: string, options: object, keys: readonly string[]): LedgerError {
  const unknown = Object.keys(options).filter((key) => !keys.includes(key));
  return new LedgerError(
    'unknown_option',
    `${fn}: unknown option${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => JSON.stringify(k)).join(', ')}: expected only ${keys.join(', ')}`,
    {
      details: { function: fn, field: 'options', unknown },
    },
  );
}

/**
 * Runs `compute` over caller data and turns anything it throws that is not a {@link LedgerError}
 * (a value of the wrong shape met deep inside, a getter or Proxy trap that throws) into
 * `validation_failed` naming the function and argument. Pure functions only: nothing to undo.
 *
 * @param fn - the public function
 * @param field - the argument, e.g. `scorecard`
 * @param expected - what the argument should be, e.g. `a Scorecard from buildScorecard()`
 * @internal
 */
export function guardInput<T>(fn: string, field: string, expected: string, compute: () => T): T {
  try {
    return compute();
  } catch (thrown) {
    if (thrown instanceof LedgerError) throw thrown;
    throw new LedgerError(
      'validation_failed',
      `${fn}: expected ${field} to be ${expected}, received a value that could not be read as one (${describeThrown(thrown)})`,
      {
        cause: thrown,
        details: { function: fn, field },
      },
    );
  }
}

/** Throws `validation_failed` unless `value` is a non-null object (not an array). @internal */
export function assertObject(fn: string, field: string, value: unknown, expected: string): asserts value is object {
  if (typeof value !== 'object' || value === null || guardInput(fn, field, expected, () => Array.isArray(value)))
    throw invalidInput(fn, field, `to be ${expected}`, value);
}
