import { expect } from 'vitest';
import { LedgerError, type LedgerErrorCode } from '../../src/index.js';

/** The code of the LedgerError a promise rejects with (and that it does reject with one). */
export async function codeOf(promise: Promise<unknown>): Promise<LedgerErrorCode> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return (error as LedgerError).code;
}
