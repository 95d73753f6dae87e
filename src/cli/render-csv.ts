/** A CSV cell: text, a number, a boolean, or empty. @internal */
export type CsvCell = string | number | boolean | null | undefined;

function csvField(cell: CsvCell): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV per RFC 4180: fields separated by commas, records ended by CRLF, and a field
 * quoted (with inner quotes doubled) when it holds a comma, a quote or a line break.
 *
 * @internal
 */
export function renderCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
