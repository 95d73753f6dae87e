import type { Forecast } from '../model/forecast.js';

/**
 * The rule behind a forecast's effective probability, as data: a forecast whose estimate is of
 * `kind` stands for the first of `fields` (paths into the record) that holds a number. The library's
 * function and the SQL that `verify()` re-derives the stored column with in each database's dialect
 * are both built from it, so the rule is written once.
 *
 * @internal
 */
export const EFFECTIVE_PROBABILITY_RULE = {
  kind: 'binary',
  fields: [
    ['estimate', 'probability'],
    ['confidence', 'impliedProbability'],
  ],
} as const satisfies { kind: string; fields: readonly (readonly string[])[] };

/** The value at `path` of a record, or `undefined`. */
function at(record: object, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * The probability a binary forecast stands for: the stated one, else the one its verbal confidence
 * implies; `null` for other kinds (and for a binary forecast with neither, which the schema refuses).
 *
 * @remarks
 * The one definition ({@link EFFECTIVE_PROBABILITY_RULE}) behind `forecasts.probability` in every
 * backend, the SQL `verify()` checks that column with ({@link effectiveProbabilitySql}), and the
 * CLI's exports.
 *
 * @internal
 */
export function effectiveProbability(f: Pick<Forecast, 'estimate' | 'confidence'>): number | null {
  if (f.estimate.kind !== EFFECTIVE_PROBABILITY_RULE.kind) return null;
  for (const path of EFFECTIVE_PROBABILITY_RULE.fields) {
    const value = at(f, path);
    if (typeof value === 'number') return value;
  }
  return null;
}

/**
 * {@link EFFECTIVE_PROBABILITY_RULE} as a SQL expression over an event payload, in a database's
 * dialect: `text(path)` reads a field as text, `number(path)` as a number (NULL when it is not one).
 *
 * @internal
 */
export function effectiveProbabilitySql(read: { text: (path: readonly string[]) => string; number: (path: readonly string[]) => string }): string {
  const { kind, fields } = EFFECTIVE_PROBABILITY_RULE;
  return `(CASE WHEN ${read.text(['estimate', 'kind'])} = '${kind}' THEN coalesce(${fields.map((path) => read.number(path)).join(', ')}) END)`;
}
