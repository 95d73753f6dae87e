import { displayText, neutraliseFormula } from '../format/safe-text.js';

/** A CSV cell: text, a number, a boolean, or empty. @internal */
export type CsvCell = string | number | boolean | null | undefined;

/** Options for {@link renderCsv}. @internal */
export interface RenderCsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8 (non-ASCII titles intact). */
  bom?: boolean;
}

/** The UTF-8 byte order mark. */
const BOM = '\ufeff';

/**
 * One field. A number or boolean is written as we produced it (a negative number such as `-0.3` is a
 * value, not a formula, and stays a number in the spreadsheet). Text is shown safe (control and
 * bidirectional characters escaped visibly, tabs and line breaks kept, every line break as `\n`),
 * neutralised when a spreadsheet would read it as a formula, and quoted when it holds a separator
 * (`,` or the `;` that some locales use), a quote, a tab or a line break, or was neutralised.
 */
function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const { text, neutralised } = neutraliseFormula(displayText(cell, { multiline: true, tabs: true }));
  return neutralised || /[",;\t\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV per RFC 4180 (fields separated by commas, records ended by CRLF, a field quoted
 * with inner quotes doubled when it needs it), safe to open in a spreadsheet.
 *
 * @remarks
 * OWASP's CSV-injection rule: a text cell that starts with `=`, `+`, `-`, `@`, a tab, CR or LF is
 * written with a leading `'` and quoted, so Excel, LibreOffice and Google Sheets show it as text
 * instead of running it as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`). Numbers we write as
 * numbers are left as they are.
 *
 * @internal
 */
export function renderCsv(rows: readonly (readonly CsvCell[])[], options: RenderCsvOptions = {}): string {
  return (options.bom ? BOM : '') + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
