import { isAbsolute, resolve } from 'node:path';
import type { CommandSpec } from './command-spec.js';
import { isUrlTarget, safeTarget } from '../storage/backends.js';
import { DB_ENV, DEFAULT_DB } from './commands.js';
import type { CliIo, Output } from './output.js';

/** Parsed option values, as `parseArgs` returns them. @internal */
export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** Quotes a word for a shell command line when it needs it. @internal */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * What a command receives: its arguments, the resolved ledger path and where to write.
 *
 * @internal
 */
export class CommandContext {
  readonly spec: CommandSpec;
  readonly positionals: readonly string[];
  readonly values: OptionValues;
  readonly out: Output;
  readonly io: CliIo;
  /** The ledger database: an absolute path, `:memory:`, or a URL such as `postgres://…` (with its password: never print it). */
  readonly db: string;
  /** {@link CommandContext.db} safe to print: a URL's password replaced by `***`. */
  readonly location: string;
  /** The ledger as the user named it (`--db`, `$FORECAST_LEDGER_DB`), for messages; undefined for the default. */
  readonly #dbArg: string | undefined;

  constructor(spec: CommandSpec, positionals: readonly string[], values: OptionValues, out: Output) {
    this.spec = spec;
    this.positionals = positionals;
    this.values = values;
    this.out = out;
    this.io = out.io;
    const flag = typeof values.db === 'string' ? values.db : undefined;
    this.#dbArg = flag ?? (this.io.env[DB_ENV] || undefined);
    const db = this.#dbArg ?? DEFAULT_DB;
    this.db = db === ':memory:' || isUrlTarget(db) || isAbsolute(db) ? db : resolve(this.io.cwd, db);
    this.location = safeTarget(this.db);
  }

  /** Whether `--json` was given. */
  get json(): boolean {
    return this.out.json;
  }

  /** A string option, or undefined. */
  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** A repeatable string option, as a list (empty when absent). */
  strings(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  }

  /** A boolean option. */
  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** A command line for the same ledger, for hints: `cli('list')` → `forecast-ledger list --db x.sqlite` (a URL without its password). */
  cli(args: string): string {
    const given = this.values.db === undefined ? undefined : String(this.values.db);
    const db = given === undefined ? '' : ` --db ${shellQuote(safeTarget(given))}`;
    return `forecast-ledger ${args}${db}`;
  }

  /** The ledger path as the user would write it (a URL without its password), for messages. */
  get dbLabel(): string {
    return this.#dbArg === undefined ? `./${DEFAULT_DB}` : safeTarget(this.#dbArg);
  }
}
