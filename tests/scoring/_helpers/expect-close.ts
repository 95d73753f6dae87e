import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ relTol·|expected| + absFloor.
 *
 * @remarks
 * The relative tolerance carries the comparison for ordinary values; the absolute floor keeps values
 * that are 0 or nearly 0 (a score of a perfect forecast, a skill score near 0) from demanding more
 * than double precision can give. Infinities must match exactly.
 */
export function expectClose(actual: number, expected: number, relTol = 1e-12, absFloor = 1e-14, label = ''): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const allowed = relTol * Math.abs(expected) + absFloor;
  const error = Math.abs(actual - expected);
  if (!(error <= allowed)) {
    expect.fail(`${label ? `${label}: ` : ''}expected ${actual} to be within ${allowed} of ${expected} (off by ${error})`);
  }
}
