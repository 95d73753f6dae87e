import { formatIssue, LedgerError, type LedgerErrorCode, type ValidationIssue } from '../errors.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/** The stable codes of errors the CLI itself raises (the library's are {@link LedgerErrorCode}s). @internal */
export type CliErrorCode = 'usage_error' | 'ledger_not_found' | 'output_failed';

/**
 * A known error raised by the CLI (not the library): a bad command line, a missing ledger file.
 *
 * @internal
 */
export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly exitCode: ExitCode;
  /** The next command to run, or what to do, when there is one. */
  readonly hint: string | undefined;

  constructor(code: CliErrorCode, message: string, options: { exitCode: ExitCode; hint?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** A malformed command line; exits with {@link EXIT_CODES.usage}. @internal */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super('usage_error', message, { exitCode: EXIT_CODES.usage, ...(hint ? { hint } : {}) });
    this.name = 'UsageError';
  }
}

const { failed, usage, notFound, invalidInput, storage } = EXIT_CODES;

/**
 * The exit code of every library error code. A record keyed by {@link LedgerErrorCode}, so a code
 * added to the library fails the type check until it is given its exit code here.
 */
const EXIT_CODE_OF: Readonly<Record<LedgerErrorCode, ExitCode>> = {
  validation_failed: invalidInput,
  import_failed: invalidInput,
  file_not_found: notFound,
  file_unreadable: invalidInput,
  invalid_json: invalidInput,
  duplicate_id: invalidInput,
  conflicting_record: failed,
  source_not_found: notFound,
  forecaster_not_found: notFound,
  question_not_found: notFound,
  kind_mismatch: failed,
  unknown_option: failed,
  forecast_after_due: failed,
  resolution_in_future: failed,
  forecasts_after_outcome: failed,
  already_resolved: failed,
  not_resolved: failed,
  reason_required: failed,
  evidence_required: failed,
  migration_checksum_mismatch: storage,
  migration_missing: storage,
  migration_out_of_order: storage,
  migration_failed: storage,
  migration_pending: storage,
  database_newer_than_library: storage,
  storage_error: storage,
  ledger_closed: storage,
  invalid_anchor: usage,
  file_exists: storage,
  forecast_not_found: notFound,
  already_withdrawn: failed,
};

/** The commands that write records read from files: their hints speak of the file, not of flags. */
const FILE_COMMANDS: ReadonlySet<string> = new Set(['import', 'import-from', 'build', 'add']);

/** The exit code for a library error code. @internal */
export function exitCodeForLedgerCode(code: LedgerErrorCode): ExitCode {
  return EXIT_CODE_OF[code];
}

/** What the entry point needs to know about the command that failed, to suggest the next one. @internal */
export interface HintContext {
  /** The command that ran, e.g. `resolve`. */
  command: string;
  /** Builds a command line for the same ledger: `cli('list')` → `forecast-ledger list --db my.sqlite`. */
  cli: (args: string) => string;
}

/**
 * The next step for a library error, as a command line where there is one. A switch over every
 * {@link LedgerErrorCode} with no default: a code added to the library fails the type check until it
 * is given its hint here.
 */
function ledgerHint(error: LedgerError, ctx: HintContext): string {
  const issue = (error.details.issues as ValidationIssue[] | undefined)?.[0];
  // An issue's record is a question only in a question or resolution record: a forecast's record id
  // (`x.1`) is not a question to show.
  // A forecast's or a withdrawal's issue names its question in its details; a question's, a resolution's or an update's
  // record id is the question's.
  const questionId =
    error.details.questionId ?? issue?.details?.questionId ?? (issue && !/^(?:forecasts|forecasters|sources)\[/.test(issue.path) ? issue.recordId : undefined);
  const q = typeof questionId === 'string' ? questionId : '<id>';
  switch (error.code) {
    case 'question_not_found':
      return `list the questions: ${ctx.cli('list')}`;
    case 'forecaster_not_found':
      return `list the forecasters: ${ctx.cli('forecasters')}, or add one: ${ctx.cli('add forecaster --id <id> --name <name> --type person')}`;
    case 'source_not_found':
      return `import the file that defines the source: ${ctx.cli('import <file>')}`;
    case 'already_resolved':
      return `correct the resolution instead: ${ctx.cli(`correct ${q} --outcome <value> --resolved-on <date> --evidence <text> --reason <why>`)}`;
    case 'not_resolved':
      return `resolve it first: ${ctx.cli(`resolve ${q} --outcome <value> --resolved-on <date> --evidence <text>`)}`;
    case 'kind_mismatch':
    case 'unknown_option':
    case 'forecast_after_due':
    case 'conflicting_record':
      return `see the question: ${ctx.cli(`show ${questionId ? q : '<question-id>'}`)}`;
    case 'resolution_in_future':
      // A file's resolution has no --resolved-on to pass: its resolvedOn is fixed in the file.
      return FILE_COMMANDS.has(ctx.command)
        ? "set the resolution's resolvedOn in the file to the day the outcome became known (today at the latest, UTC), or leave the question open until then"
        : 'pass --resolved-on the day the outcome became known (today at the latest, UTC); resolve it once it is known';
    case 'forecasts_after_outcome':
      return ['resolve', 'correct', 'annul'].includes(ctx.command)
        ? `check --resolved-on against the forecasts (${ctx.cli(`show ${q}`)}); if the outcome really was known first, run the same command with --allow-forecasts-after-outcome`
        : 'check the resolution\'s resolvedOn; if the outcome really was known first, add "allowForecastsAfterOutcome": true to that resolution';
    case 'evidence_required':
      return 'pass at least one --evidence "<what shows the outcome>"';
    case 'reason_required':
      return 'pass --reason "<why>"';
    case 'validation_failed':
    case 'import_failed':
    case 'invalid_json':
    case 'duplicate_id':
    case 'file_unreadable':
      // Records are listed only when the input had records (a file, a batch): a bad argument or config file has none.
      return issue
        ? 'fix the records listed above, then run the same command again (nothing was written)'
        : 'fix what the message names, then run the same command again (nothing was written)';
    case 'file_not_found':
      return ctx.command === 'import' ? 'check the path (import also takes a folder: every *.json file in it)' : 'check the path';
    case 'migration_checksum_mismatch':
    case 'migration_missing':
    case 'migration_out_of_order':
    case 'migration_failed':
      return `reinstall forecast-ledger, then check the ledger: ${ctx.cli('verify')}`;
    case 'migration_pending':
      return `bring the ledger up to date: ${ctx.cli('migrate')}`;
    case 'database_newer_than_library':
      return 'upgrade forecast-ledger: npm install forecast-ledger@latest';
    case 'invalid_anchor':
      return `pass the anchor as verify prints it, <seq>:<hash>: ${ctx.cli('verify')}`;
    case 'file_exists':
      return 'choose another file, or pass --overwrite to replace it';
    case 'storage_error':
      // `init` is the command that failed: its hint cannot be to run it.
      if (ctx.command === 'init' && error.details.backend !== 'postgres')
        return 'check the --db path: its folder must exist, and a file already there must be a forecast-ledger database';
      // A PostgreSQL error names its own fix (a refused login, a missing database, a missing privilege): a file path
      // and `init` are advice for a missing SQLite file.
      if (typeof error.details.fix === 'string') return error.details.fix;
      if (error.details.backend === 'postgres') return 'check that the PostgreSQL server runs and that the --db URL (or FORECAST_LEDGER_DB) names it';
      // The ledger opened: what failed is the copy (a folder it cannot write, a full disk).
      if (ctx.command === 'backup') return 'check that the --out folder can be written and its disk has room; the ledger itself is unchanged';
      return `check the --db path; create a new ledger with ${ctx.cli('init')}`;
    case 'forecast_not_found':
      return `check the forecast id: a question's forecasts are listed with their ids by ${ctx.cli('show <question-id>')}`;
    case 'already_withdrawn':
      return `nothing to do: the forecast already stopped counting at its withdrawal (a forecast is withdrawn once); see when and why: ${ctx.cli('show <question-id>')}`;
    case 'ledger_closed':
      // The CLI opens one ledger per command and closes it once the command is done.
      return 'this is a bug in forecast-ledger (the command used its ledger after closing it): please report it with the command you ran';
  }
}

/** An error as the CLI reports it, on stderr and (with `--json`) on stdout. @internal */
export interface ErrorReport {
  /** A stable code: a {@link LedgerErrorCode}, a {@link CliErrorCode} or `internal_error`. */
  code: string;
  message: string;
  exitCode: ExitCode;
  /** The next command to run, when there is one. */
  hint?: string;
  /** Every problem found in the input, for validation errors. */
  issues?: ValidationIssue[];
}

/** Describes any thrown value as an {@link ErrorReport}. @internal */
export function describeError(error: unknown, ctx: HintContext): ErrorReport {
  if (error instanceof CliError) {
    return { code: error.code, message: error.message, exitCode: error.exitCode, ...(error.hint ? { hint: error.hint } : {}) };
  }
  if (error instanceof LedgerError) {
    const hint = ledgerHint(error, ctx);
    const issues = error.details.issues as ValidationIssue[] | undefined;
    // The library's own advice names library calls (`listQuestions()`); the hint names the command instead.
    const message = error.message.replace(/: (?:list \w+ with \w+\(\)|open it again with openLedger\(\))$/, '');
    return { code: error.code, message, exitCode: exitCodeForLedgerCode(error.code), hint, ...(issues ? { issues } : {}) };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    code: 'internal_error',
    message,
    exitCode: EXIT_CODES.internal,
    hint: 'this is a bug in forecast-ledger: please report it with the command you ran',
  };
}

/**
 * The lines of an error as the terminal prints them: a validation error's summary and one line per
 * problem, an internal error's message and its stack frames, any other error on one line. A line
 * break inside the data a message quotes (an id, a path) is not one of these lines: the writer then
 * shows it as `\n`, so a hostile value cannot forge a line of the report.
 *
 * @internal
 */
export function errorLines(error: unknown, report: ErrorReport): string[] {
  const { message, issues } = report;
  if (issues?.length) {
    // The library lists the first 50 problems, one per line, after its summary line.
    const listed = issues.slice(0, 50).map((issue) => `  - ${formatIssue(issue)}`);
    const start = message.indexOf(`\n${listed.join('\n')}`);
    if (start >= 0) {
      const rest = message.slice(start + 1 + listed.join('\n').length + 1);
      return [message.slice(0, start), ...listed, ...(rest ? [rest] : [])];
    }
  }
  if (report.code === 'internal_error' && error instanceof Error && error.stack) {
    const head = `${error.name}: ${error.message}`;
    if (error.stack.startsWith(head))
      return [
        head,
        ...error.stack
          .slice(head.length + 1)
          .split('\n')
          .filter(Boolean),
      ];
  }
  return [message];
}
