/**
 * Output safety in one place: how text from a ledger (titles, names, criteria, notes, evidence) and
 * from the command line is made harmless before it reaches a terminal, a spreadsheet, a calendar,
 * a report or a JSON document.
 *
 * @remarks
 * The dangerous characters, in every format:
 * - C0 controls (U+0000–U+001F) and DEL (U+007F): ESC starts the escape sequences that move the
 *   cursor, clear the screen, set the window title (OSC 0) or make links (OSC 8); BEL rings; CR and
 *   backspace overwrite what was printed.
 * - C1 controls (U+0080–U+009F): U+009B is a one-character CSI and U+009D an OSC on terminals that
 *   honour 8-bit controls.
 * - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) reorder how text
 *   reads ("Trojan Source"), and the line and paragraph separators U+2028 and U+2029 break lines.
 * - Lone surrogates, which no encoder can write faithfully.
 *
 * Each format decides what to do with them:
 * - People (terminal, Markdown, HTML, CSV): {@link displayText} shows each one as a visible escape
 *   (`\x1b`, `\u202e`, `\t`), keeping `\n` only where a line break belongs to the layout.
 * - Spreadsheets additionally: {@link neutraliseFormula} (OWASP's CSV-injection rule).
 * - Calendars: {@link withoutControls} drops them (RFC 5545 forbids controls in TEXT).
 * - JSON: {@link safeJson} writes the ones `JSON.stringify` leaves raw as `\uXXXX` escapes, which
 *   parse back to the same string.
 *
 * @internal
 * @module
 */

/** Every character a terminal or a reader could act on, one per match (a surrogate pair is never split). */
const UNSAFE =
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The CLI's own short escapes; every other unsafe character is `\xHH` or `\uHHHH`. */
const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The visible escape of one unsafe character: `\t`, `\x1b`, `\x9b`, `\u202e`. @internal */
export function visibleEscape(ch: string): string {
  const short = SHORT[ch];
  if (short) return short;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Options for {@link displayText}. @internal */
export interface DisplayTextOptions {
  /** Keep line breaks (`\r\n` and a lone `\n`, both written as `\n`); otherwise they show as `\n`. */
  multiline?: boolean;
  /** Keep tabs (for a spreadsheet cell); otherwise they show as `\t`. */
  tabs?: boolean;
}

/**
 * Text as it may be shown to people: every unsafe character (see the module) replaced by a visible
 * escape, so data can never move the cursor, change the title, make a link, ring the bell or
 * reorder what is read.
 *
 * @remarks
 * Printable text, backslashes included, passes through unchanged, so the function is idempotent:
 * text escaped once (a table cell) can go through the writer's own pass again unchanged. The price
 * is that a title that literally contains the four characters `\x1b` reads the same as one that
 * contains ESC; `--json` output is the exact record.
 *
 * @internal
 */
export function displayText(text: string, options: DisplayTextOptions = {}): string {
  const { multiline = false, tabs = false } = options;
  const source = multiline ? text.replaceAll('\r\n', '\n') : text;
  return source.replace(UNSAFE, (ch) => ((multiline && ch === '\n') || (tabs && ch === '\t') ? ch : visibleEscape(ch)));
}

/**
 * Text without any unsafe character, for formats that forbid controls (an iCalendar TEXT value):
 * line breaks (`\r\n`, `\r`, `\n`) become `\n` and tabs stay; everything else unsafe is dropped.
 *
 * @internal
 */
export function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, (ch) => (ch === '\n' || ch === '\t' ? ch : ''));
}

/** A spreadsheet reads a cell that starts with one of these as a formula (OWASP; tab, CR and LF too). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A text cell a spreadsheet will not run: one that starts with `=`, `+`, `-`, `@`, a tab, CR or LF
 * gets a leading `'`, which Excel, LibreOffice and Google Sheets read as "this is text"
 * (OWASP's CSV-injection rule). Other text is unchanged.
 *
 * @internal
 */
export function neutraliseFormula(text: string): { text: string; neutralised: boolean } {
  return FORMULA_START.test(text) ? { text: `'${text}`, neutralised: true } : { text, neutralised: false };
}

/** What `JSON.stringify` leaves raw but a terminal or a reader could act on; never structural in JSON. */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify`, with DEL, the C1 controls, the bidirectional controls and U+2028/U+2029 written
 * as `\uXXXX` escapes (C0 controls and lone surrogates are escaped by `JSON.stringify` itself). The
 * document parses back to exactly the same value; it is only safe to print.
 *
 * @internal
 */
export function safeJson(value: unknown, replacer?: (key: string, value: unknown) => unknown, indent?: number): string {
  return JSON.stringify(value, replacer, indent).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
