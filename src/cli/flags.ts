import { resolve } from 'node:path';
import type { z } from 'zod';
import { FiniteNumber, IsoDate, IsoDateOrDateTime, Probability, Slug, Text } from '../model/primitives.js';
import { parseDecimal } from '../_internal/parse-decimal.js';
import { UsageError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { parseSpan, todayUtc, type Span } from './iso-dates.js';

/**
 * Reads one flag value through a model schema, so the CLI accepts exactly what the library does,
 * and fails before the ledger is opened.
 *
 * @throws UsageError `--flag: expected …, received "…"`
 * @internal
 */
export function parseValue<T>(schema: z.ZodType<T>, value: string, flag: string, expected: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${/^[a-z]/.test(flag) ? `--${flag}` : flag}: expected ${expected}, received ${JSON.stringify(value)}`);
  return parsed.data;
}

/** The one number parser of the CLI (see the shared {@link parseDecimal}). @internal */
export { parseDecimal };

/** Reads a decimal number (see {@link parseDecimal}), then checks it against a schema. @internal */
export function parseNumber<T extends number>(schema: z.ZodType<T>, value: string, flag: string, expected: string): T {
  const n = parseDecimal(value) ?? Number.NaN;
  const parsed = schema.safeParse(n);
  if (!parsed.success) throw new UsageError(`--${flag}: expected ${expected}, received ${JSON.stringify(value)}`);
  return parsed.data;
}

const DATE = 'a real calendar date YYYY-MM-DD';

/**
 * A file or folder path given as flag or argument `name`, resolved against the working folder. An
 * empty one is refused: resolve() would read it as the working folder itself, so `--resolution-set ""`
 * would read a folder instead of refusing, and `import ""` would import every file of the folder.
 *
 * @throws UsageError `--flag: expected a path, received ""`
 * @internal
 */
export function parsePath(cwd: string, value: string, name: string): string {
  if (value === '') throw new UsageError(`${/^[a-z]/.test(name) ? `--${name}` : name}: expected a path, received ""`);
  return resolve(cwd, value);
}

/** The flag's value as an ISO date, or undefined when absent. @internal */
export function dateFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.string(name);
  return v === undefined ? undefined : parseValue(IsoDate, v, name, DATE);
}

/** The flag's value as an ISO date or instant (`madeAt`). @internal */
export function dateOrInstantFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.string(name);
  return v === undefined ? undefined : parseValue(IsoDateOrDateTime, v, name, `${DATE} or an ISO instant such as 2025-10-08T09:30:00Z`);
}

/** The flag's value as a finite number. @internal */
export function numberFlag(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.string(name);
  return v === undefined ? undefined : parseNumber(FiniteNumber, v, name, 'a number');
}

/** A probability in [0, 1]. @internal */
export function parseProbability(value: string, flag: string): number {
  return parseNumber(Probability, value, flag, 'a probability between 0 and 1');
}

/** A slug id given as flag or argument `name`. @internal */
export function parseSlug(value: string, name: string): string {
  return parseValue(Slug, value, name, 'an id of lower-case letters and digits joined by "-" or "." (e.g. goldman-sachs)');
}

/** The flag's value as a slug id. @internal */
export function slugFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.string(name);
  return v === undefined ? undefined : parseSlug(v, name);
}

/** The flag's value as non-empty text. @internal */
export function textFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.string(name);
  return v === undefined ? undefined : parseValue(Text, v, name, 'non-empty text');
}

/** A required flag's value (already checked present by the entry point, but typed here). @internal */
export function required<T>(value: T | undefined, flag: string, hint?: string): T {
  if (value === undefined) throw new UsageError(`--${flag} is required`, hint);
  return value;
}

/** The flag's value, one of `choices`. @internal */
export function choiceFlag<const C extends string>(ctx: CommandContext, name: string, choices: readonly C[]): C | undefined {
  const v = ctx.string(name);
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(`--${name}: expected one of ${choices.join(', ')}, received ${JSON.stringify(v)}`);
  return v as C;
}

/** Values of a repeatable flag that may also be comma-separated, each one of `choices`. @internal */
export function choicesFlag<const C extends string>(ctx: CommandContext, name: string, choices: readonly C[]): C[] {
  const values = ctx.strings(name).flatMap((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const v of values) {
    if (!(choices as readonly string[]).includes(v)) throw new UsageError(`--${name}: expected one of ${choices.join(', ')}, received ${JSON.stringify(v)}`);
  }
  return [...new Set(values)] as C[];
}

/** A span such as `90d`. @internal */
export function spanFlag(ctx: CommandContext, name: string): Span | undefined {
  const v = ctx.string(name);
  if (v === undefined) return undefined;
  const span = parseSpan(v);
  if (!span) throw new UsageError(`--${name}: expected a span such as 90d, 12w, 6m or 2y, received ${JSON.stringify(v)}`);
  return span;
}

/** A positive whole number. @internal */
export function positiveIntFlag(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.string(name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()) || Number(v) < 1) throw new UsageError(`--${name}: expected a whole number ≥ 1, received ${JSON.stringify(v)}`);
  return Number(v);
}

/** `--as-of`, or today (UTC). @internal */
export function asOfFlag(ctx: CommandContext): string {
  return dateFlag(ctx, 'as-of') ?? todayUtc();
}

/** ` --as-of <date>` when `--as-of` was given, else nothing: for a suggested command that must keep the same reference date. @internal */
export function asOfArgument(ctx: CommandContext): string {
  const given = dateFlag(ctx, 'as-of');
  return given === undefined ? '' : ` --as-of ${given}`;
}

/** Evidence from `--evidence` and `--evidence-url`, paired by position. @internal */
export function evidenceFlags(ctx: CommandContext): { description: string; url?: string }[] {
  const texts = ctx.strings('evidence');
  const urls = ctx.strings('evidence-url');
  if (urls.length > texts.length) {
    throw new UsageError(
      `--evidence-url: expected one per --evidence, received ${urls.length} URLs for ${texts.length} --evidence`,
      'give each URL its own --evidence "<what it shows>"',
    );
  }
  return texts.map((text, i) => {
    const description = parseValue(Text, text, 'evidence', 'non-empty text');
    const url = urls[i];
    if (url === undefined) return { description };
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new UsageError(`--evidence-url: expected an http(s) URL, received ${JSON.stringify(url)}`);
    }
    return { description, url };
  });
}
