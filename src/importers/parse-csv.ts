/** One CSV record: its fields by header and the line it starts on (1-based, the header is line 1). @internal */
export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, `""` and line breaks; CRLF or LF) into records
 * keyed by the header row.
 *
 * @returns the header and the records, or the line of the first malformed quote
 * @internal
 */
export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } | { error: string; line: number } {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let afterQuote = false;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') ((cell += '"'), i++);
        else ((quoted = false), (afterQuote = true));
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell !== '' || afterQuote) return { error: 'a quote inside an unquoted field', line };
      quoted = true;
    } else if (c === ',') {
      (cells.push(cell), (cell = ''), (afterQuote = false));
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      ((cells = []), (cell = ''), (afterQuote = false));
      line++;
      rowLine = line;
    } else {
      if (afterQuote) return { error: 'text after a closing quote', line };
      cell += c;
    }
  }
  if (quoted) return { error: 'a quoted field is not closed', line: rowLine };
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
  const [head, ...body] = rows;
  if (!head) return { header: [], records: [] };
  const header = head.cells.map((h) => h.trim());
  return {
    header,
    records: body.map((r) => ({ line: r.line, fields: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ''])) })),
  };
}
