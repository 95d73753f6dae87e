/**
 * The exit codes of the `forecast-ledger` command, documented in `docs/cli.md` and `--help`.
 *
 * @remarks
 * Stable: scripts branch on them. Only the entry point (`main.ts`) turns them into the process's
 * exit code.
 *
 * @internal
 */
export const EXIT_CODES = {
  /** Success. */
  ok: 0,
  /** `verify` found a problem, or the ledger refused the change (already resolved, wrong kind, …). */
  failed: 1,
  /** Bad command line: unknown command or option, missing argument, malformed flag value. */
  usage: 2,
  /** A question, forecaster, ledger file or input file does not exist. */
  notFound: 3,
  /** An input file is not valid JSON or not valid prediction data. */
  invalidInput: 4,
  /** The database cannot be opened, migrated or written, or an output file cannot be written. */
  storage: 5,
  /** A bug in forecast-ledger: please report it with the command you ran. */
  internal: 70,
} as const;

/** One of the values of {@link EXIT_CODES}. @internal */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit codes with their meaning, for `--help` and the docs. @internal */
export const EXIT_CODE_TABLE: readonly { code: ExitCode; meaning: string }[] = [
  { code: 0, meaning: 'success' },
  { code: 1, meaning: 'verification failed, or the ledger refused the change (already resolved, kind mismatch, …)' },
  { code: 2, meaning: 'usage error: unknown command or option, missing argument, malformed flag value' },
  { code: 3, meaning: 'not found: question, forecaster, ledger database or input file' },
  { code: 4, meaning: 'invalid input file: not JSON, or records that fail validation' },
  { code: 5, meaning: 'storage error: the database cannot be opened, migrated or written, or an output file cannot be written' },
  { code: 70, meaning: 'internal error (a bug): please report it' },
];
