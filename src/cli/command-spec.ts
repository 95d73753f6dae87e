import type { CommandContext } from './context.js';
import type { ExitCode } from './exit-codes.js';

/** One option of a command, as `parseArgs` wants it plus what `--help` shows. @internal */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once. */
  multiple?: boolean;
  /** The value's placeholder in `--help`, e.g. `<date>`. */
  value?: string;
  description: string;
  /** The command cannot run without it (checked before the command is loaded). */
  required?: boolean;
}

/** One positional argument of a command. @internal */
export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
  /** The last positional only: takes every remaining argument (`FILES…`). */
  variadic?: boolean;
}

/**
 * What a command module exports: one function over the library. It returns an exit code only when
 * it succeeded in reporting a failure (`verify` on a broken ledger); errors are thrown.
 *
 * @internal
 */
export interface CommandModule {
  run(ctx: CommandContext): Promise<ExitCode | void>;
}

/**
 * One row of the command table: everything `--help` needs, and a loader, so the command's code
 * (and the library behind it) is only loaded when the command runs.
 *
 * @internal
 */
export interface CommandSpec {
  name: string;
  /** One line, shown in the command list. */
  summary: string;
  /** The synopsis after `forecast-ledger `, e.g. `show <id>`. */
  usage: string;
  /** More about the command, shown in its `--help`. */
  description?: string;
  positionals: readonly PositionalSpec[];
  options: Readonly<Record<string, OptionSpec>>;
  examples: readonly { command: string; description: string }[];
  load(): Promise<CommandModule>;
}
