import { expect } from 'vitest';
import { LedgerError, type LedgerErrorCode } from '../../../src/errors.js';

/**
 * Runs `fn`, asserts it throws a {@link LedgerError} with `code`, and returns the error so the
 * caller can check its message and details.
 */
export function expectLedgerError(fn: () => unknown, code: LedgerErrorCode = 'validation_failed'): LedgerError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a LedgerError to be thrown').toBeInstanceOf(LedgerError);
  const error = thrown as LedgerError;
  expect(error.code).toBe(code);
  expect(error.name).toBe('LedgerError');
  return error;
}
