// The effective-probability rule is written once (EFFECTIVE_PROBABILITY_RULE): the library's function
// and the SQL verify() re-derives forecasts.probability with must agree on every payload.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EFFECTIVE_PROBABILITY_RULE, effectiveProbability, effectiveProbabilitySql } from '../../src/core/effective-probability.js';
import { scaled } from '../reliability/scale.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const estimate = fc.oneof(
  fc.record({ kind: fc.constant('binary' as const), probability: fc.option(probability, { nil: undefined }) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('numeric' as const), point: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
);
const forecast = fc.record(
  { estimate, confidence: fc.record({ impliedProbability: fc.option(probability, { nil: undefined }) }, { requiredKeys: [] }) },
  { requiredKeys: ['estimate'] },
);

describe('effectiveProbability', () => {
  it('is the stated probability, else the one the verbal confidence implies, and null for other kinds', () => {
    expect(effectiveProbability({ estimate: { kind: 'binary', probability: 0.7 }, confidence: { impliedProbability: 0.9 } } as never)).toBe(0.7);
    expect(effectiveProbability({ estimate: { kind: 'binary' }, confidence: { impliedProbability: 0.9 } } as never)).toBe(0.9);
    expect(effectiveProbability({ estimate: { kind: 'numeric', point: 3 } } as never)).toBeNull();
    expect(EFFECTIVE_PROBABILITY_RULE.kind).toBe('binary');
  });

  it("agrees with the SQL verify() derives the stored column with, on SQLite's json_extract", () => {
    const db = new Database(':memory:');
    const field = (path: readonly string[]): string => `json_extract(t.payload, '$.${path.join('.')}')`;
    const sql = db.prepare(`WITH t(payload) AS (SELECT ?) SELECT ${effectiveProbabilitySql({ text: field, number: field })} FROM t`).pluck();
    fc.assert(
      fc.property(forecast, (f) => {
        expect(sql.get(JSON.stringify(f)) ?? null).toBe(effectiveProbability(f as never));
      }),
      { numRuns: scaled(300, 5000) },
    );
    db.close();
  });
});
