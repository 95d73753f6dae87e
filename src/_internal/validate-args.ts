/**
 * Validation at the public boundary: every argument of every public function is parsed here before
 * the library trusts it, so any input gives a {@link LedgerError} with a code and changes nothing.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import { LedgerError, LedgerValidationError, type LedgerErrorCode, type ValidationIssue } from '../errors.js';
import { codeFor, formatPath } from '../import/zod-issues.js';

/** Describes a thrown value for a message, without calling anything of it that could throw again. @internal */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) {
    try {
      return `${thrown.name}: ${String(thrown.message)}`;
    } catch {
      return 'an error';
    }
  }
  return typeof thrown === 'string' ? thrown : `a ${typeof thrown}`;
}

/** `arg` joined with a zod path: `input` + `['evidence', 0]` → `input.evidence[0]`. */
function joinPath(arg: string, path: readonly PropertyKey[]): string {
  const inner = formatPath(path);
  return !inner ? arg : inner.startsWith('[') ? `${arg}${inner}` : `${arg}.${inner}`;
}

/** The library's issue for one zod issue: unknown keys are `unknown_option`, the rest as on import. */
function toIssue(arg: string, issue: z.core.$ZodIssue): ValidationIssue {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return {
      code: 'unknown_option',
      path: joinPath(arg, issue.path),
      message: `unknown option${issue.keys.length === 1 ? '' : 's'} ${keys}: remove ${issue.keys.length === 1 ? 'it' : 'them'} (see the TSDoc for the accepted options)`,
    };
  }
  return { code: codeFor(issue), path: joinPath(arg, issue.path), message: issue.message };
}

/** The error for a value that threw while being read (a throwing getter or Proxy trap). @internal */
export function unreadableArg(fn: string, arg: string, thrown: unknown): LedgerValidationError {
  return new LedgerValidationError('validation_failed', `${fn}: invalid ${arg}`, [
    { code: 'validation_failed', path: arg, message: `expected plain data, received a value that threw when read (${describeThrown(thrown)})` },
  ]);
}

/** Throws the error of a list of issues: the one code they share, or `validation_failed`. */
function fail(fn: string, arg: string, issues: ValidationIssue[]): never {
  const codes = new Set(issues.map((i) => i.code));
  const code: LedgerErrorCode = codes.size === 1 ? issues[0]!.code : 'validation_failed';
  throw new LedgerValidationError(code, `${fn}: invalid ${arg}`, issues);
}

/**
 * Parses one argument of a public function with its schema and returns the parsed copy, which the
 * function then uses instead of the argument (so a getter cannot answer differently the second time).
 *
 * @param fn - the public function, e.g. `ledger.resolve`
 * @param arg - the argument's name, e.g. `input`; issue paths are prefixed with it
 * @param schema - the schema of the argument
 * @param value - the argument as received
 * @returns the parsed value
 * @throws LedgerValidationError `unknown_option` for unknown keys of a strict object, the code of
 *   the issue (`validation_failed`, `evidence_required`, `reason_required`) otherwise; `validation_failed`
 *   when reading the value throws
 * @internal
 */
export function parseArg<S extends z.ZodType>(fn: string, arg: string, schema: S, value: unknown): z.output<S> {
  let issues: ValidationIssue[];
  try {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    // zod words its messages from the received value (its type, its prototype): that can throw too.
    issues = result.error.issues.map((issue) => toIssue(arg, issue));
  } catch (thrown) {
    throw unreadableArg(fn, arg, thrown);
  }
  return fail(fn, arg, issues);
}

/**
 * Runs `read` (which copies or walks caller data) and turns anything it throws that is not a
 * {@link LedgerError} into `validation_failed` naming the function and argument.
 *
 * @internal
 */
export function readingArg<T>(fn: string, arg: string, read: () => T): T {
  try {
    return read();
  } catch (thrown) {
    if (thrown instanceof LedgerError) throw thrown;
    throw unreadableArg(fn, arg, thrown);
  }
}

/**
 * A strict object schema (unknown keys are `unknown_option`) for an options type, whose shape the
 * type checker holds to the type: a key added to the type without a schema does not compile.
 *
 * @internal
 */
export function optionsSchema<T extends object>() {
  return <S extends { [K in keyof T]-?: z.ZodType }>(shape: S & Record<Exclude<keyof S, keyof T>, never>) => z.strictObject(shape).optional();
}

/** A path argument: non-empty text without NUL (which the file system APIs would cut the path at). @internal */
export const PathArg = z
  .string({ error: 'expected a path as a string' })
  .min(1, 'expected a path, received an empty string (use "." for the current folder)')
  .refine((p) => !p.includes('\0'), 'expected a path without NUL characters (a NUL would cut the path short)');

/** An id used to look a record up: any string (an unknown one is a `…_not_found` error later). @internal */
export const IdArg = z.string({ error: 'expected an id as a string' });
