import { assertFinite, assertNonEmptyArray } from './_internal/validate.js';

/**
 * The median of a list of numbers.
 *
 * @remarks
 * The middle value of the sorted list, or the mean of the two middle values when the count is even
 * (as `numpy.median`). The input is not modified. Used by scorecards to summarise numeric and date
 * errors, where it resists the occasional wild miss better than the mean.
 *
 * Valid input: a non-empty array of finite numbers.
 *
 * @param values - the numbers, any order, non-empty
 * @returns the median
 * @throws LedgerError `validation_failed` when `values` is empty or not an array, or a value is not finite
 *
 * @example
 * ```ts
 * median([3, 1, 2]); //=> 2
 * median([4, 1, 3, 2]); //=> 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  assertNonEmptyArray('median', 'values', values);
  values.forEach((v, i) => assertFinite('median', `values[${i}]`, v));
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid]!;
  const [a, b] = [sorted[mid - 1]!, sorted[mid]!];
  const mean = (a + b) / 2;
  return Number.isFinite(mean) ? mean : a / 2 + b / 2; // a + b overflowed
}
