import type { CommandSpec, OptionSpec } from './command-spec.js';
import { COMMANDS, DB_ENV, GLOBAL_OPTIONS } from './commands.js';
import { CONFIG_FILE, FORECASTER_ENV } from './one-line-config.js';
import { EXIT_CODE_TABLE } from './exit-codes.js';
import type { Output } from './output.js';
import { maxOf } from '../_internal/arrays.js';

const WIDTH = 80;

function wrap(text: string, indent: string, width = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function optionLabel(name: string, o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
}

function definitions(rows: readonly [string, string][], out: Output): string {
  const width = Math.min(28, maxOf(rows.map(([term]) => term.length)));
  return rows
    .map(([term, text]) => {
      const pad = term.length > width ? `\n${' '.repeat(width + 4)}` : ' '.repeat(width - term.length + 2);
      return `  ${out.style('bold', term)}${pad}${wrap(text, ' '.repeat(width + 4)).trimStart()}`;
    })
    .join('\n');
}

function optionRows(options: Readonly<Record<string, OptionSpec>>): [string, string][] {
  return Object.entries(options).map(([name, o]) => [
    optionLabel(name, o),
    `${o.description}${o.required ? ' (required)' : ''}${o.multiple && !/repeat/.test(o.description) ? '; repeatable' : ''}`,
  ]);
}

const heading = (out: Output, text: string): string => out.style('bold', text);

/** The help of the program: every command, the global options, environment and exit codes. @internal */
export function programHelp(out: Output, version: string): string {
  return [
    `${heading(out, 'forecast-ledger')} ${version} — keep forecasters honest: typed predictions, outcomes and scores`,
    '',
    `${heading(out, 'Usage:')} forecast-ledger <command> [arguments] [options]`,
    '',
    heading(out, 'Commands:'),
    definitions(
      COMMANDS.map((c) => [c.name, c.summary]),
      out,
    ),
    '',
    heading(out, 'Global options:'),
    definitions([...optionRows(GLOBAL_OPTIONS), ['--version', 'print the version']], out),
    '',
    heading(out, 'Environment:'),
    definitions(
      [
        [DB_ENV, 'the ledger database when --db is not given'],
        [FORECASTER_ENV, `who makes the forecasts of predict and forecast when --as is not given (or "forecaster" in ./${CONFIG_FILE})`],
        ['NO_COLOR', 'never colour the output (colour is only used on a terminal anyway)'],
      ],
      out,
    ),
    '',
    heading(out, 'Exit codes:'),
    definitions(
      EXIT_CODE_TABLE.map(({ code, meaning }) => [String(code), meaning]),
      out,
    ),
    '',
    'Run `forecast-ledger <command> --help` for its options and examples; the reference is docs/cli.md.',
    '',
  ].join('\n');
}

/** The help of one command: usage, description, arguments, options and examples. @internal */
export function commandHelp(out: Output, spec: CommandSpec): string {
  const parts = [
    `${heading(out, 'Usage:')} forecast-ledger ${spec.usage} [options]`,
    '',
    wrap(`${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`, ''),
  ];
  if (spec.description) parts.push('', wrap(spec.description, ''));
  if (spec.positionals.length) {
    parts.push(
      '',
      heading(out, 'Arguments:'),
      definitions(
        spec.positionals.map((p) => [`<${p.name}>${p.variadic ? '…' : ''}`, `${p.description}${p.required ? '' : ' (optional)'}`]),
        out,
      ),
    );
  }
  if (Object.keys(spec.options).length) parts.push('', heading(out, 'Options:'), definitions(optionRows(spec.options), out));
  parts.push('', heading(out, 'Global options:'), definitions(optionRows(GLOBAL_OPTIONS), out));
  parts.push('', heading(out, 'Examples:'));
  for (const e of spec.examples) parts.push(`  ${out.style('dim', '#')} ${e.description}`, `  $ forecast-ledger ${e.command}`);
  parts.push('', `${heading(out, 'Exit codes:')} ${EXIT_CODE_TABLE.map((e) => `${e.code} ${e.meaning.split(/[:(,]/)[0]!.trim()}`).join('; ')}.`, '');
  return parts.join('\n');
}
