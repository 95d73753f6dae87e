// The internal normal-distribution functions behind crpsNormal and wilsonInterval, against values
// computed with mpmath at 40 significant digits (rounded to double).
import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalPdf, normalQuantile } from '../../src/scoring/_internal/normal.js';
import { expectClose } from './_helpers/expect-close.js';

const ERF: Array<[number, number, number]> = [
  [-6, -1.0, 2.0],
  [-2.5, -0.999593047982555, 1.999593047982555],
  [-1, -0.8427007929497149, 1.8427007929497148],
  [-0.3, -0.3286267594591274, 1.3286267594591274],
  [1e-8, 1.1283791670955126e-8, 0.9999999887162083],
  [0.2, 0.22270258921047847, 0.7772974107895215],
  [0.46875, 0.49261347321793797, 0.507386526782062],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497149, 0.15729920705028513],
  [2, 0.9953222650189527, 0.004677734981047266],
  [3.5, 0.9999992569016276, 7.430983723414128e-7],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [5, 0.9999999999984626, 1.537459794428035e-12],
  [10, 1.0, 2.088487583762545e-45],
  [26, 1.0, 5.663192408856143e-296],
];

const CDF: Array<[number, number]> = [
  [-37, 5.725571222524577e-300],
  [-20, 2.7536241186062337e-89],
  [-8, 6.220960574271784e-16],
  [-3, 0.0013498980316300946],
  [-1.5, 0.06680720126885807],
  [0, 0.5],
  [0.7, 0.758036347776927],
  [5, 0.9999997133484281],
];

const QUANTILE: Array<[number, number]> = [
  [1e-15, -7.941345326170997],
  [0.001, -3.0902323061678136],
  [0.025, -1.9599639845400543],
  [0.2, -0.8416212335729142],
  [0.5, 0],
  [0.8, 0.8416212335729144],
  [0.975, 1.9599639845400538],
  [0.999999, 4.753424308817087],
];

describe('normal distribution (internal)', () => {
  it.each(ERF)('erf(%s) and erfc(%s) agree with mpmath to a few ulp, tails included', (x, e, ec) => {
    expectClose(erf(x), e, 5e-16, 0);
    expectClose(erfc(x), ec, 5e-16, 0);
  });

  it.each(CDF)('Φ(%s) agrees with mpmath in relative terms', (z, p) => {
    // in the lower tail the rounding of z/√2 (relative 1.1e-16) limits the relative accuracy to about
    // z²·1.1e-16, as for scipy's ndtr, which evaluates Φ the same way
    expectClose(normalCdf(z), p, Math.max(2e-15, z * z * 1.2e-16), 0);
  });

  it.each(QUANTILE)('Φ⁻¹(%s) agrees with mpmath', (p, z) => {
    expectClose(normalQuantile(p), z, 5e-16, 1e-300);
  });

  it('has φ(0) = 1/√(2π) and handles the ends of the quantile', () => {
    expect(normalPdf(0)).toBe(0.3989422804014327);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(erf(Number.NaN)).toBeNaN();
  });
});
