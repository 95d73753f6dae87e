import { UsageError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { choiceFlag } from './flags.js';
import { terminalSafe } from './output.js';
import { writeOutput } from './write-output.js';

/**
 * The `--format` of a command that produces a document (export, scorecard, leaderboard), checked
 * before the ledger is opened. With `--json`, the format defaults to `json`; any other format then
 * needs `--out`, so stdout carries only JSON.
 *
 * @internal
 */
export function documentFormat<const F extends string>(ctx: CommandContext, formats: readonly F[], fallback: F): F {
  const json = 'json' as F;
  const format = choiceFlag(ctx, 'format', formats) ?? (ctx.json && formats.includes(json) ? json : fallback);
  if (ctx.json && format !== json && ctx.string('out') === undefined) {
    throw new UsageError(
      `${ctx.spec.name}: --json needs --out with --format ${format}, so stdout carries only JSON`,
      ctx.cli(`${ctx.spec.name} --format ${format} --out <file> --json`),
    );
  }
  return format;
}

/**
 * Writes a document to `--out` (reporting the file on stderr, and `{ format, out, bytes }` with
 * `--json`) or, without `--out`, to stdout. A `table` is text for a terminal and is written as
 * people's output is (escaped, see {@link terminalSafe}); any other format as it is, made safe by
 * its own renderer.
 *
 * @internal
 */
export function emitDocument(ctx: CommandContext, format: string, content: string, what: string): void {
  const out = ctx.string('out');
  if (out === undefined) return void (format === 'table' ? ctx.out.data(content) : ctx.out.raw(content));
  const text = format === 'table' ? terminalSafe(content, false) : content;
  const path = writeOutput(ctx.io.cwd, out, text);
  ctx.out.result({ format, out: path, bytes: Buffer.byteLength(text) });
  ctx.out.success(`wrote ${what} (${format}) to ${out}`);
}
