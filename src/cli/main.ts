/**
 * The `forecast-ledger` command: a thin layer over the library.
 *
 * @remarks
 * The only module that touches `process` globals: it reads argv, env and the streams, and sets the
 * exit code. Commands are loaded from the command table only when they run, so `--help` is instant.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import { describeError, errorLines, UsageError, type HintContext } from './cli-error.js';
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { COMMANDS, findCommand, GLOBAL_OPTIONS } from './commands.js';
import { CommandContext } from './context.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { commandHelp, programHelp } from './help.js';
import { Output, type CliIo } from './output.js';
import { packageVersion } from './package-version.js';

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const best = candidates.map((c) => [c, distance(word, c)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : undefined;
}

/** Finds the command word: the first argument that is neither an option nor the value of `--db`. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

function parseCommandLine(spec: CommandSpec, argv: string[]) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries<OptionSpec>({ ...GLOBAL_OPTIONS, ...spec.options })) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-[^']*)'/.exec(message)?.[1];
    if (unknown) {
      const guess = closest(unknown.replace(/^-+/, ''), Object.keys(options));
      throw new UsageError(
        `unknown option ${unknown} for "${spec.name}"${guess ? `: did you mean --${guess}?` : ''}`,
        `see the options: forecast-ledger ${spec.name} --help`,
      );
    }
    throw new UsageError(`${spec.name}: ${message}`, `see the options: forecast-ledger ${spec.name} --help`);
  }
}

function checkArguments(spec: CommandSpec, positionals: readonly string[], values: Record<string, unknown>): void {
  const help = `see the usage: forecast-ledger ${spec.name} --help`;
  const max = spec.positionals.at(-1)?.variadic ? Infinity : spec.positionals.length;
  const min = spec.positionals.filter((p) => p.required).length;
  if (positionals.length < min) throw new UsageError(`${spec.name}: missing <${spec.positionals[positionals.length]!.name}>`, help);
  if (positionals.length > max) throw new UsageError(`${spec.name}: unexpected argument ${JSON.stringify(positionals[max])}`, help);
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.required && values[name] === undefined) throw new UsageError(`${spec.name}: --${name} is required`, help);
  }
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code.
 *
 * @internal
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const out = new Output(io, argv.includes('--json'));
  const { name, rest } = splitCommand(argv);
  let hints: HintContext = { command: name ?? '', cli: (args) => `forecast-ledger ${args}` };
  try {
    if (name === undefined) {
      if (rest.includes('--version')) {
        out.raw(out.json ? `${JSON.stringify({ version: packageVersion() })}\n` : `${packageVersion()}\n`);
        return EXIT_CODES.ok;
      }
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(programHelp(out, packageVersion()));
        return EXIT_CODES.ok;
      }
      io.stderr.write(programHelp(new Output({ ...io, stdout: io.stderr }, false), packageVersion()));
      throw new UsageError('no command given', 'pick a command from the list above, e.g. forecast-ledger list');
    }
    if (name === 'help') {
      const topic = rest.find((a) => !a.startsWith('-'));
      const spec = topic === undefined ? undefined : findCommand(topic);
      if (topic !== undefined && !spec) throw new UsageError(`unknown command "${topic}"`, 'see the commands: forecast-ledger --help');
      io.stdout.write(spec ? commandHelp(out, spec) : programHelp(out, packageVersion()));
      return EXIT_CODES.ok;
    }
    const spec = findCommand(name);
    if (!spec) {
      const guess = closest(
        name,
        COMMANDS.map((c) => c.name),
      );
      throw new UsageError(`unknown command "${name}"${guess ? `: did you mean "${guess}"?` : ''}`, 'see the commands: forecast-ledger --help');
    }
    const { values, positionals } = parseCommandLine(spec, rest);
    if (values.help) {
      io.stdout.write(commandHelp(out, spec));
      return EXIT_CODES.ok;
    }
    const ctx = new CommandContext(spec, positionals, values, out);
    hints = { command: spec.name, cli: (args) => ctx.cli(args) };
    checkArguments(spec, positionals, values);
    const command = await spec.load();
    return (await command.run(ctx)) ?? EXIT_CODES.ok;
  } catch (error) {
    const report = describeError(error, hints);
    out.error(errorLines(error, report), report.hint);
    out.result({ error: report });
    return report.exitCode;
  }
}

/** The process's streams and environment. */
function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), entryUrl: import.meta.url };
}

if (!isMainThread && (workerData as { task?: string } | null)?.task === 'forecast-ledger:import') {
  const { runImportTask } = await import('./import-task.js');
  await runImportTask();
} else if (isMainThread) {
  // A reader that stops early (`| head`) closes the pipe: stop writing quietly instead of crashing.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await main(process.argv.slice(2), processIo());
}
