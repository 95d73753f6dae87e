import * as util from 'node:util';
import { displayText, safeJson } from '../format/safe-text.js';
import { formatTable, type FormatTableOptions } from './format-table.js';

/** The process's streams and environment, injected so the CLI never reaches for globals. @internal */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The URL of the CLI's entry module, which long imports re-run as a worker thread. */
  entryUrl?: string;
  /** What the user types, for `review`; absent (or not a TTY) when there is no terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** The styles the CLI uses; the writer lets exactly their SGR codes through to a colour terminal. @internal */
export const CLI_STYLES = ['bold', 'dim', 'red', 'green', 'yellow', 'cyan'] as const;
/** One of {@link CLI_STYLES}, or several together. @internal */
export type CliStyle = (typeof CLI_STYLES)[number] | readonly (typeof CLI_STYLES)[number][];

/** `styleText` arrived in Node 20.12; on an older Node 20 the CLI prints without colour. */
const styleText: typeof util.styleText | undefined = (util as Partial<typeof util>).styleText;

/** The SGR codes of {@link CLI_STYLES} (`\x1b[1m`, `\x1b[22m`, `\x1b[31m`…): the only escape sequences the CLI writes. */
const OWN_SGR = new RegExp(`(\\x1b\\[(?:${[...new Set(CLI_STYLES.flatMap((s) => util.inspect.colors[s] ?? []))].join('|')})m)`);

/**
 * Text for a terminal: everything unsafe shown escaped (see src/format/safe-text.ts), line breaks
 * kept; on a colour stream the CLI's own SGR codes are spared, and nothing else.
 *
 * @internal
 */
export function terminalSafe(text: string, colour: boolean): string {
  if (!colour) return displayText(text, { multiline: true });
  return text
    .split(OWN_SGR)
    .map((part, i) => (i % 2 === 1 ? part : displayText(part, { multiline: true })))
    .join('');
}

/**
 * Colour for a stream: only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
 * The CLI decides itself and tells `styleText` not to second-guess (`validateStream: false`), so
 * stdout and stderr are judged separately.
 *
 * @internal
 */
export function colourEnabled(stream: CliIo['stdout'], env: CliIo['env']): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * Where a command writes: its product (a table, a document, JSON) to stdout, and everything meant
 * for people — confirmations, progress, warnings, errors, hints — to stderr. With `--json`, stdout
 * carries exactly one JSON document and nothing else.
 *
 * @remarks
 * Output safety: every text for people passes {@link terminalSafe} on its way out, so no control
 * character, escape sequence or bidirectional control from the data reaches the terminal; messages
 * and styled text are escaped before the CLI's colour is added, and table cells before their widths
 * are measured. `--json` goes through `safeJson`.
 *
 * @internal
 */
export class Output {
  readonly io: CliIo;
  /** Whether `--json` was given. */
  readonly json: boolean;
  readonly #colourOut: boolean;
  readonly #colourErr: boolean;

  constructor(io: CliIo, json: boolean) {
    this.io = io;
    this.json = json;
    this.#colourOut = colourEnabled(io.stdout, io.env);
    this.#colourErr = colourEnabled(io.stderr, io.env);
  }

  /** An output that styles nothing, for text written to a file. */
  static plain(io: CliIo): Output {
    return new Output({ ...io, stdout: { write: () => true }, stderr: { write: () => true } }, false);
  }

  /** Styles text for stdout (no-op without colour); the text is shown escaped, on one line. */
  style(format: CliStyle, text: string): string {
    const safe = displayText(text);
    return this.#colourOut && styleText ? styleText(format as Parameters<typeof styleText>[0], safe, { validateStream: false }) : safe;
  }

  /** Styles text for stderr (no-op without colour); the text is shown escaped, on one line. */
  styleErr(format: CliStyle, text: string): string {
    const safe = displayText(text);
    return this.#colourErr && styleText ? styleText(format as Parameters<typeof styleText>[0], safe, { validateStream: false }) : safe;
  }

  /**
   * Lays out a table for stdout: cells shown escaped on one line, a bold header and, on a
   * terminal, cut to its width. `styleCell` colours a cell after it is escaped and padded.
   */
  table(headers: readonly string[], rows: readonly (readonly string[])[], styleCell?: FormatTableOptions['styleCell']): string {
    const columns = this.io.stdout.isTTY ? this.io.stdout.columns : undefined;
    return formatTable(headers, rows, {
      ...(columns ? { maxWidth: columns } : {}),
      styleHeader: (h) => this.style('bold', h),
      ...(styleCell ? { styleCell } : {}),
    });
  }

  /** Writes the command's human-readable product to stdout, shown safe; ignored with `--json`. */
  data(text: string): void {
    if (!this.json) this.io.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`, this.#colourOut));
  }

  /**
   * Writes a document to stdout as it is, whatever the mode: the document's own renderer made it
   * safe for its format (CSV, iCalendar, Markdown, HTML, JSON).
   */
  raw(text: string): void {
    this.io.stdout.write(text);
  }

  /** Writes the machine-readable result to stdout; only with `--json`. */
  result(value: unknown): void {
    if (this.json) this.io.stdout.write(`${safeJson(value, undefined, 2)}\n`);
  }

  /**
   * Writes a message for people to stderr: the CLI's own prefix, then the message shown escaped, each
   * of its lines on one line (a line break inside the text shows as `\n`, so data cannot forge a line).
   */
  #message(prefix: string, message: string | readonly string[]): void {
    const lines = (typeof message === 'string' ? [message] : message).map((line) => displayText(line));
    this.io.stderr.write(terminalSafe(`${prefix}${lines.join('\n')}\n`, this.#colourErr));
  }

  /** A message for people, on stderr. */
  info(message: string): void {
    this.#message('', message);
  }

  /** A confirmation that something was done, on stderr. */
  success(message: string): void {
    this.#message(`${this.styleErr('green', '✔')} `, message);
  }

  /** A warning, on stderr. */
  warn(message: string | readonly string[]): void {
    this.#message(`${this.styleErr('yellow', 'warning:')} `, message);
  }

  /** An error (one line, or the lines it lays out) and the next thing to do, on stderr. */
  error(message: string | readonly string[], hint?: string): void {
    this.#message(`${this.styleErr(['red', 'bold'], 'error:')} `, message);
    if (hint) this.#message(`${this.styleErr('cyan', 'next:')} `, hint);
  }
}
