/**
 * Array helpers that stay safe at any size.
 *
 * @remarks
 * Spreading an array into a call (`Math.max(...values)`, `target.push(...items)`,
 * `String.fromCharCode(...codes)`) passes every element as an argument on the stack: past roughly
 * 100k elements V8 throws `RangeError: Maximum call stack size exceeded`. A ledger holds questions
 * with hundreds of thousands of forecasts, so nothing in `src/` spreads an array of data into a call;
 * these loops do the job instead (`tests/reliability/scale.test.ts` holds that line).
 *
 * @internal
 * @module
 */

/**
 * Appends every item to `target`, in order, and returns `target`.
 *
 * @param target - the array to grow
 * @param items - what to append
 * @returns `target`
 * @internal
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * The largest value, or `initial` when it is larger (or there are no values).
 *
 * @param values - numbers
 * @param initial - the result for no values (default `-Infinity`)
 * @returns max(initial, ...values) without spreading
 * @internal
 */
export function maxOf(values: Iterable<number>, initial = -Infinity): number {
  let max = initial;
  for (const v of values) if (v > max) max = v;
  return max;
}

/**
 * The smallest value, or `initial` when it is smaller (or there are no values).
 *
 * @param values - numbers
 * @param initial - the result for no values (default `Infinity`)
 * @returns min(initial, ...values) without spreading
 * @internal
 */
export function minOf(values: Iterable<number>, initial = Infinity): number {
  let min = initial;
  for (const v of values) if (v < min) min = v;
  return min;
}

/**
 * `Array.isArray` for a value typed as a readonly array: the built-in guard narrows
 * `readonly T[]` to `any[]` (so element types are lost); this one keeps them.
 *
 * @param value - anything
 * @returns whether `value` is an array
 * @internal
 */
export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
