/**
 * Input checks shared by the scoring rules. Every check throws a {@link LedgerError} with code
 * `validation_failed` and a message of the form "<function>: expected <what>, received <value>".
 *
 * @internal
 * @module
 */
import { LedgerError } from '../../errors.js';
import type { ProbabilityOutcomePair } from '../probability-outcome-pair.js';

/** Renders a received value for an error message: numbers as JS prints them, strings quoted. @internal */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
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
  if (!Array.isArray(value) || value.length === 0) throw invalidInput(fn, field, 'to be a non-empty array', value);
}

/**
 * Throws unless `pairs` is a non-empty array of `{ probability ∈ [0, 1], outcome: boolean }`.
 *
 * @internal
 */
export function assertPairs(fn: string, pairs: unknown): asserts pairs is readonly ProbabilityOutcomePair[] {
  assertNonEmptyArray(fn, 'pairs', pairs);
  pairs.forEach((pair, i) => {
    if (typeof pair !== 'object' || pair === null) throw invalidInput(fn, `pairs[${i}]`, 'to be { probability, outcome }', pair);
    const { probability, outcome } = pair as Record<string, unknown>;
    assertProbability(fn, `pairs[${i}].probability`, probability);
    assertBoolean(fn, `pairs[${i}].outcome`, outcome);
  });
}

/** Throws unless `bins` is an integer ≥ 1. @internal */
export function assertBins(fn: string, bins: unknown): asserts bins is number {
  assertInteger(fn, 'bins', bins, 1);
}
