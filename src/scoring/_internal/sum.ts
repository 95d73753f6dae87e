/**
 * Compensated summation for the scoring rules.
 *
 * @internal
 * @module
 */

/**
 * Sums numbers with Neumaier's improved Kahan–Babuška algorithm.
 *
 * @remarks
 * The result is, in practice, the correctly rounded sum of the inputs, so means over many pairs do
 * not drift with their order and agree with reference implementations to ~1e-16 relative.
 *
 * @param values - the numbers to add
 * @returns their sum
 * @internal
 */
export function sum(values: Iterable<number>): number {
  let total = 0;
  let compensation = 0;
  for (const value of values) {
    const t = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - t + value : value - t + total;
    total = t;
  }
  return total + compensation;
}

/**
 * The arithmetic mean of `f(item)` over a non-empty array, with compensated summation.
 *
 * @param items - a non-empty array (callers validate)
 * @param f - the quantity to average, given the item and its index
 * @internal
 */
export function meanOf<T>(items: readonly T[], f: (item: T, index: number) => number): number {
  return sum(items.map((item, index) => f(item, index))) / items.length;
}
