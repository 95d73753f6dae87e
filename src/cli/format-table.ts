import { maxOf } from '../_internal/arrays.js';

/**
 * How many terminal columns a string takes: East Asian wide and full-width characters take two.
 * An approximation (no grapheme clusters), good enough for aligning tables of titles and ids.
 *
 * @internal
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Cuts text to at most `width` columns, ending with `…` when cut. @internal */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Options for {@link formatTable}. @internal */
export interface FormatTableOptions {
  /** The total width available (a terminal's columns); the last column is cut to fit. */
  maxWidth?: number;
  /** Styles the header row (bold on a terminal). */
  styleHeader?: (text: string) => string;
}

/**
 * Lays out rows as aligned columns separated by two spaces; the last column is left ragged and,
 * with `maxWidth`, cut to fit.
 *
 * @internal
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], options: FormatTableOptions = {}): string {
  const widths = headers.map((h, i) => maxOf(rows.map((r) => displayWidth(r[i] ?? '')), displayWidth(h)));
  const last = headers.length - 1;
  const lead = widths.slice(0, last).reduce((a, w) => a + w + 2, 0);
  const lastWidth = options.maxWidth ? Math.max(10, options.maxWidth - lead) : Infinity;
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === last ? truncate(cell, lastWidth) : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  const header = line(headers);
  return [options.styleHeader ? options.styleHeader(header) : header, ...rows.map(line)].join('\n');
}
