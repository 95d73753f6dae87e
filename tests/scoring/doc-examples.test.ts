// Every `@example` of the modules behind src/scoring/rules.ts is executed: each `expression; //=> value` must produce exactly
// that value, so the reference documentation cannot drift from the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as rules from '../../src/scoring/rules.js';
import { parseExamples, runExample } from './_helpers/doc-examples.js';

const dir = join(import.meta.dirname, '..', '..', 'src', 'scoring');
// The modules behind the rules.ts barrel (other src/scoring modules have their own owners and tests).
const files = [...readFileSync(join(dir, 'rules.ts'), 'utf8').matchAll(/from '\.\/([a-z-]+)\.js'/g)].map((m) => `${m[1]}.ts`).sort();
const blocks = files.flatMap((f) => parseExamples(join(dir, f)).map((block) => ({ name: f, block })));
const checked = blocks.filter(({ block }) => block.statements.some((s) => s.expected !== undefined));

describe('TSDoc @example blocks in src/scoring', () => {
  it('exist for every exported function of the barrel', () => {
    const functions = Object.entries(rules)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    const withExamples = new Set(
      checked
        .flatMap(({ block }) => block.statements.map((s) => s.code))
        .join('\n')
        .match(/\b[a-zA-Z]+(?=\()/g),
    );
    expect(functions.filter((name) => !withExamples.has(name))).toEqual([]);
  });

  it.each(checked.map(({ name, block }, i) => [`${name} #${i}`, block] as const))('%s evaluates to the values shown after //=>', (_, block) => {
    for (const [expression, actual, expected] of runExample(block, { ...rules })) {
      expect(actual, expression).toEqual(expected);
    }
  });
});
