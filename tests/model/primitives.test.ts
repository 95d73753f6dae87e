import { describe, expect, it } from 'vitest';
import { IsoDate, Probability, Slug } from '../../src/index.js';

describe('IsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2027-04-30'])('accepts the real calendar date %s', (s) => {
    expect(IsoDate.safeParse(s).success).toBe(true);
  });

  it.each(['2025-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-01', '2026-01-01T00:00:00Z'])('refuses %s', (s) => {
    const result = IsoDate.safeParse(s);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('expected a real calendar date as YYYY-MM-DD');
  });
});

describe('Slug and Probability', () => {
  it('accepts slugs of lower-case words joined by - or .', () => {
    expect(Slug.safeParse('goldman-copper-lme-2027-average.goldman-sachs').success).toBe(true);
    expect(Slug.safeParse('Goldman Sachs').success).toBe(false);
    expect(Slug.safeParse('trailing-').success).toBe(false);
  });

  it('keeps probabilities in [0, 1]', () => {
    expect([0, 0.5, 1].map((p) => Probability.safeParse(p).success)).toEqual([true, true, true]);
    expect([-0.01, 1.01, Number.NaN].map((p) => Probability.safeParse(p).success)).toEqual([false, false, false]);
  });
});
