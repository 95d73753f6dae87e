// Every `@example` of the fair-scoring modules (claims, time-weighting, relative scores, scorecards)
// is executed: each `expression; //=> value` must produce exactly that value.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as scoring from '../../../src/scoring/index.js';
import * as rules from '../../../src/scoring/rules.js';
import type { ScoringData } from '../../../src/scoring/index.js';
import { parseExamples, runExample } from '../_helpers/doc-examples.js';

const root = join(import.meta.dirname, '..', '..', '..', 'src', 'scoring');
const files = [
  ...['time-weighted.ts', 'relative-scores.ts', 'load-scoring-data.ts', 'index.ts'].map((f) => join(root, f)),
  ...['claims', 'scorecard', 'aggregate'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, dir, f)),
  ),
].sort();
const blocks = files.flatMap((file) => parseExamples(file).map((block) => ({ name: file.slice(root.length + 1), block })));
const checked = blocks.filter(({ block }) => block.statements.some((s) => s.expected !== undefined));

// The `data` the scorecard and leaderboard examples refer to: two questions that resolved yes;
// alice said 0.5 and 1 (Brier 0.25 and 0 → mean 0.125), bob 0.5 and 0.75 (0.25 and 0.0625 → 0.15625).
const question = (id: string) => ({
  question: {
    id,
    kind: 'binary' as const,
    title: id,
    statement: id,
    tags: [],
    stance: 'forecast' as const,
    relations: [],
    resolution: { resolveOn: '2025-12-31', horizon: '2025', semantics: 'by' as const, criteria: 'x' },
  },
  status: 'resolved' as const,
  resolution: {
    questionId: id,
    status: 'resolved' as const,
    outcome: { kind: 'binary' as const, value: true },
    resolvedOn: '2025-12-31',
    evidence: [],
    seq: 1,
    recordedAt: '2025-12-31T00:00:00Z',
  },
});
const forecast = (questionId: string, forecasterId: string, probability: number) => ({
  id: `${questionId}.${forecasterId}`,
  questionId,
  forecasterId,
  madeAt: '2025-06-01',
  estimate: { kind: 'binary' as const, probability },
});
const data: ScoringData = {
  forecasters: [
    { id: 'alice', name: 'Alice', type: 'person', aliases: [] },
    { id: 'bob', name: 'Bob', type: 'person', aliases: [] },
  ],
  questions: [question('q1'), question('q2')],
  forecasts: [forecast('q1', 'alice', 0.5), forecast('q2', 'alice', 1), forecast('q1', 'bob', 0.5), forecast('q2', 'bob', 0.75)],
};
// Async functions cannot be evaluated by the synchronous harness; their examples are illustrations
// and their behaviour is tested elsewhere (loadScoringData: tests/scoring/scorecard/scorecard.test.ts).
const ASYNC = new Set(['loadScoringData']);

describe('TSDoc @example blocks of the fair-scoring modules', () => {
  it('exist for every function the scoring barrel adds to the rules', () => {
    const added = Object.entries(scoring)
      .filter(([name, value]) => typeof value === 'function' && !(name in rules) && !ASYNC.has(name))
      .map(([name]) => name);
    const used = new Set(
      checked
        .flatMap(({ block }) => block.statements.map((s) => s.code))
        .join('\n')
        .match(/\b[a-zA-Z]+(?=\()/g),
    );
    expect(added.filter((name) => !used.has(name))).toEqual([]);
  });

  it.each(checked.map(({ name, block }, i) => [`${name} #${i}`, block] as const))('%s evaluates to the values shown after //=>', (_, block) => {
    for (const [expression, actual, expected] of runExample(block, { ...scoring, data })) expect(actual, expression).toEqual(expected);
  });
});
