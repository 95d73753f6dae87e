// Extracts the `@example` blocks of TSDoc comments and turns each `expression; //=> value` into a
// check, so the examples in the reference can be run as tests.
import { readFileSync } from 'node:fs';

/** One checkable line of an example: the expression's source and the expected value's source. */
export interface ExampleCheck {
  readonly expression: string;
  readonly expected: string;
}

/** One `@example` block: its statements in order, each with an optional expected value. */
export interface ExampleBlock {
  readonly file: string;
  readonly statements: ReadonlyArray<{ readonly code: string; readonly expected?: string }>;
}

function exampleCodeBlocks(source: string): string[] {
  const blocks: string[] = [];
  for (const comment of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = comment[1]!
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n');
    for (const example of body.matchAll(/@example\s*```ts\n([\s\S]*?)```/g)) blocks.push(example[1]!);
  }
  return blocks;
}

/** Splits an example into statements (ending in `;` at the end of a line) with their `//=>` values. */
export function parseExamples(file: string): ExampleBlock[] {
  return exampleCodeBlocks(readFileSync(file, 'utf8')).map((code) => {
    const statements: Array<{ code: string; expected?: string }> = [];
    let buffer: string[] = [];
    for (const raw of code.split('\n')) {
      const line = raw.trim();
      if (line.startsWith('//=>')) {
        const last = statements.at(-1);
        if (!last) throw new Error(`${file}: "//=>" before any statement`);
        last.expected = line.slice(4).trim();
        continue;
      }
      if (line === '' || line.startsWith('//')) continue;
      const arrow = line.indexOf('; //=>');
      if (arrow >= 0) {
        buffer.push(line.slice(0, arrow));
        statements.push({ code: buffer.join('\n'), expected: line.slice(arrow + 6).trim() });
        buffer = [];
      } else if (line.endsWith(';')) {
        buffer.push(line.slice(0, -1));
        statements.push({ code: buffer.join('\n') });
        buffer = [];
      } else {
        buffer.push(line);
      }
    }
    if (buffer.length) throw new Error(`${file}: unterminated example statement: ${buffer.join(' ')}`);
    return { file, statements };
  });
}

/**
 * Runs one example block with `scope` (the exported names) in scope and returns, for each statement
 * with an expected value, `[expression, actual, expected]`.
 */
export function runExample(block: ExampleBlock, scope: Record<string, unknown>): Array<[string, unknown, unknown]> {
  const lines = block.statements.map((s, i) =>
    s.expected === undefined ? `${s.code};` : `__results.push([${JSON.stringify(s.code)}, (${s.code}), (${s.expected})]); // ${i}`,
  );
  const names = Object.keys(scope);
  const body = `const __results = [];\n${lines.join('\n')}\nreturn __results;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function(...names, body) as (...args: unknown[]) => Array<[string, unknown, unknown]>;
  return run(...names.map((n) => scope[n]));
}
