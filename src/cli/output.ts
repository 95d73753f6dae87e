import * as util from 'node:util';
import { formatTable } from './format-table.js';

/** The process's streams and environment, injected so the CLI never reaches for globals. @internal */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The URL of the CLI's entry module, which long imports re-run as a worker thread. */
  entryUrl?: string;
}

type Style = Parameters<typeof util.styleText>[0];

/** `styleText` arrived in Node 20.12; on an older Node 20 the CLI prints without colour. */
const styleText: typeof util.styleText | undefined = (util as Partial<typeof util>).styleText;

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

  /** Styles text for stdout (no-op without colour). */
  style(format: Style, text: string): string {
    return this.#colourOut && styleText ? styleText(format, text, { validateStream: false }) : text;
  }

  /** Styles text for stderr (no-op without colour). */
  styleErr(format: Style, text: string): string {
    return this.#colourErr && styleText ? styleText(format, text, { validateStream: false }) : text;
  }

  /** Lays out a table for stdout: bold header and, on a terminal, cut to its width. */
  table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
    const columns = this.io.stdout.isTTY ? this.io.stdout.columns : undefined;
    return formatTable(headers, rows, { ...(columns ? { maxWidth: columns } : {}), styleHeader: (h) => this.style('bold', h) });
  }

  /** Writes the command's human-readable product to stdout; ignored with `--json`. */
  data(text: string): void {
    if (!this.json) this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Writes raw text to stdout whatever the mode (an exported document). */
  raw(text: string): void {
    this.io.stdout.write(text);
  }

  /** Writes the machine-readable result to stdout; only with `--json`. */
  result(value: unknown): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A message for people, on stderr. */
  info(message: string): void {
    this.io.stderr.write(`${message}\n`);
  }

  /** A confirmation that something was done, on stderr. */
  success(message: string): void {
    this.io.stderr.write(`${this.styleErr('green', '✔')} ${message}\n`);
  }

  /** A warning, on stderr. */
  warn(message: string): void {
    this.io.stderr.write(`${this.styleErr('yellow', 'warning:')} ${message}\n`);
  }

  /** An error and the next thing to do, on stderr. */
  error(message: string, hint?: string): void {
    this.io.stderr.write(`${this.styleErr(['red', 'bold'], 'error:')} ${message}\n`);
    if (hint) this.io.stderr.write(`${this.styleErr('cyan', 'next:')} ${hint}\n`);
  }
}
