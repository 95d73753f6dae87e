/**
 * Exactly rounded summation for the scoring rules.
 *
 * @internal
 * @module
 */

/**
 * A running sum that is exact until it is read: Shewchuk's non-overlapping partials, as in
 * Python's `math.fsum`.
 *
 * @remarks
 * Each `add` keeps the running sum as a short list of non-overlapping doubles whose exact sum is
 * the exact sum of everything added (Shewchuk 1997, "Grow-Expansion" with two-sum); `total()`
 * rounds that exact sum once, to the nearest double, ties to even (CPython's `math.fsum`
 * correction). The result is therefore the correctly rounded sum of the inputs, and (for finite
 * inputs whose sums stay within the doubles) does not depend on their order: two users who list the same forecasts in different orders get the same
 * score to the last bit, and a leaderboard accumulating per forecaster agrees exactly with a
 * scorecard summing a list. The list stays short (one to three doubles for scores of similar
 * size), so an `add` costs a few additions.
 *
 * A zero total is `+0`. Non-finite inputs are summed apart: a `NaN`, or both infinities, give
 * `NaN`, one infinity gives itself. When finite inputs push a partial sum past ±`Number.MAX_VALUE`
 * (where `math.fsum` raises OverflowError) the result is `±Infinity` or `NaN` and can depend on the
 * order; scores stay many orders of magnitude below that.
 *
 * @see Shewchuk, J. R. (1997). Adaptive precision floating-point arithmetic and fast robust
 *   geometric predicates. Discrete & Computational Geometry 18(3):305–363.
 * @see Python's `math.fsum` (CPython `Modules/mathmodule.c`, after R. Hettinger's `msum` recipe).
 * @internal
 */
export class ExactSum {
  /** The partials, smallest first; only the first `#n` are in use (no array resizing on the hot path). */
  readonly #partials: number[] = [];
  #n = 0;
  #special = 0;

  /** Adds one number. */
  add(value: number): void {
    if (!Number.isFinite(value)) {
      this.#special += value;
      return;
    }
    const partials = this.#partials;
    const n = this.#n;
    let x = value;
    let kept = 0;
    for (let j = 0; j < n; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    if (x !== 0) {
      if (Number.isFinite(x)) partials[kept++] = x;
      else {
        // Intermediate overflow of finite inputs: the sum is beyond the doubles (math.fsum raises).
        this.#special += x;
        kept = 0;
      }
    }
    this.#n = kept;
  }

  /**
   * The running sum as text: its partials, then any non-finite part as a string. {@link ExactSum.parse}
   * restores it exactly, so a sum kept in a database (the stored scores' per-forecaster totals) can
   * take more values, or lose some (add the negated value: the partials stay exact), and still round
   * to the same double as summing the final values afresh.
   */
  serialize(): string {
    const parts: (number | string)[] = this.#partials.slice(0, this.#n);
    if (this.#special !== 0 || Number.isNaN(this.#special)) parts.push(String(this.#special));
    return JSON.stringify(parts);
  }

  /** An {@link ExactSum} from {@link ExactSum.serialize}'s text. */
  static parse(text: string): ExactSum {
    const s = new ExactSum();
    const parts = JSON.parse(text) as (number | string)[];
    for (const part of parts) {
      if (typeof part === 'string') s.#special += Number(part);
      else s.#partials[s.#n++] = part;
    }
    return s;
  }

  /** The sum of everything added, correctly rounded. */
  total(): number {
    if (this.#special !== 0 || Number.isNaN(this.#special)) return this.#special;
    const partials = this.#partials;
    let n = this.#n;
    if (n === 0) return 0;
    let hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even: when the rest (partials below n) pushes `lo` past the halfway point, the
    // sum rounds away from `hi`.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

/**
 * Sums numbers exactly, rounding once at the end ({@link ExactSum}).
 *
 * @param values - the numbers to add
 * @returns their correctly rounded sum, the same in any order (see {@link ExactSum} for overflow)
 * @internal
 */
export function sum(values: Iterable<number>): number {
  if (Array.isArray(values)) {
    const array = values as readonly number[];
    // One rounding of the exact sum: a single term, or IEEE addition of two, already is. A zero
    // total is +0 on every path, as ExactSum (and math.fsum) give it.
    if (array.length === 0) return 0;
    if (array.length <= 2) return (array.length === 1 ? array[0]! : array[0]! + array[1]!) + 0;
  }
  const s = new ExactSum();
  for (const value of values) s.add(value);
  return s.total();
}

/**
 * The arithmetic mean of `f(item)` over a non-empty array, from the exactly rounded sum.
 *
 * @param items - a non-empty array (callers validate)
 * @param f - the quantity to average, given the item and its index
 * @internal
 */
export function meanOf<T>(items: readonly T[], f: (item: T, index: number) => number): number {
  return sum(items.map((item, index) => f(item, index))) / items.length;
}
