// The exactly rounded sum behind every mean in forecast-ledger/scoring (Shewchuk's partials, as in
// Python's math.fsum): CPython's own test cases, and an exact BigInt oracle on random doubles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, sum } from '../../src/scoring/_internal/sum.js';

/** A finite double as an exact integer count of 2⁻¹⁰⁷⁴ (every double is one). */
function scaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = (bits >> 52n) & 0x7ffn;
  const fraction = bits & 0xfffffffffffffn;
  const magnitude = exponent === 0n ? fraction : (fraction | (1n << 52n)) << (exponent - 1n);
  return negative ? -magnitude : magnitude;
}

/** The exact sum of finite doubles, rounded once to the nearest double (ties to even). */
function oracle(values: readonly number[]): number {
  const total = values.reduce((acc, x) => acc + scaled(x), 0n);
  if (total === 0n) return 0;
  const negative = total < 0n;
  let m = negative ? -total : total;
  const length = m.toString(2).length;
  let shift = 0;
  if (length > 53) {
    shift = length - 53;
    const rest = m & ((1n << BigInt(shift)) - 1n);
    m >>= BigInt(shift);
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
  }
  // m ≤ 2⁵³ is exact as a double, and so is scaling it by 2^e while the result stays a normal
  // double (the terms below never make a subnormal or overflowing sum); 2^e itself is subnormal for
  // e < −1022, so scale in two steps there.
  const e = shift - 1074;
  const value = e >= -1022 ? Number(m) * 2 ** e : Number(m) * 2 ** (e + 600) * 2 ** -600;
  return negative ? -value : value;
}

/** Doubles of very different sizes, with exact cancellations: the cases naive sums get wrong. */
const term = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e-6, max: 1e-6, noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || Math.abs(x) > 1e-300),
  fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e16, -1e16, 1, -1, 0.1, 0.5, 2 ** 53, -(2 ** -54), 0, -0),
);
const terms = fc.array(term, { minLength: 0, maxLength: 40 });

describe('sum (exactly rounded)', () => {
  it('reproduces the examples of Python’s math.fsum documentation and tests', () => {
    // Python docs: sum([.1] * 10) == 0.9999999999999999, fsum([.1] * 10) == 1.0.
    expect(sum(Array(10).fill(0.1))).toBe(1);
    // CPython Lib/test/test_math.py, testFsum.
    expect(sum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])).toBe(1e-100);
    expect(sum([2.0 ** 53, -0.5, -(2.0 ** -54)])).toBe(2.0 ** 53 - 1.0);
    expect(sum([1e-16, 1, 1e16])).toBe(1.0000000000000002e16); // half-even across partials
    expect(sum([1, 1e-16, 1e-16])).toBe(1.0000000000000002);
    expect(sum([])).toBe(0);
    // A zero total is +0 whatever the number of terms (one, two or more take different paths).
    for (const zeros of [[-0], [-0, -0], [-0, -0, -0], [1, -1], [1, -1, 0]]) expect(Object.is(sum(zeros), 0)).toBe(true);
  });

  it('checks its oracle on sums of every size, including near the largest double', () => {
    expect(oracle(Array(10).fill(0.1))).toBe(1);
    expect(oracle([2 ** 600, 2 ** 600])).toBe(2 ** 601);
    expect(oracle([Number.MAX_VALUE, -(2 ** 970)])).toBe(Number.MAX_VALUE - 2 ** 970);
    expect(oracle([1e-300, 1e-300])).toBe(2e-300);
    expect(oracle([2 ** 53, 1])).toBe(2 ** 53); // a tie, to even
    expect(oracle([2 ** 53, 3])).toBe(2 ** 53 + 4); // a tie, to even (upwards)
  });

  it('returns non-finite inputs as IEEE arithmetic would (one infinity wins, both or a NaN give NaN)', () => {
    expect(sum([1, Number.POSITIVE_INFINITY, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(sum([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBeNaN();
    expect(sum([1, Number.NaN])).toBeNaN();
    expect(sum([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.POSITIVE_INFINITY);
  });

  it('is the exact sum rounded once, on random doubles (BigInt oracle)', () => {
    // Object.is: the sign of a zero total counts too (+0, as math.fsum).
    fc.assert(fc.property(terms, (xs) => Object.is(sum(xs), oracle(xs))));
  });

  it('does not depend on the order of the terms', () => {
    const shuffled = terms.chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }).map((ys) => [xs, ys] as const));
    fc.assert(fc.property(shuffled, ([xs, ys]) => sum(xs) === sum(ys)));
  });

  it('gives the same total when the terms arrive one at a time (a running sum per forecaster)', () => {
    fc.assert(
      fc.property(terms, (xs) => {
        const running = new ExactSum();
        const totals: number[] = [];
        xs.forEach((x, i) => {
          running.add(x);
          totals.push(running.total());
          expect(totals[i]).toBe(sum(xs.slice(0, i + 1)));
        });
      }),
    );
  });
});
