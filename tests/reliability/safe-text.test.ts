// The output-safety module (src/format/safe-text.ts) and the renderers built on it, one law at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/output.js';
import { renderCsv } from '../../src/cli/render-csv.js';
import { escapeIcsText, foldIcsLine } from '../../src/format/render-ics.js';
import { displayText, neutraliseFormula, safeJson, withoutControls } from '../../src/format/safe-text.js';
import { dangerousIn, HOSTILE, hostileString } from './hostile-text.js';
import { scaled } from './scale.js';

const runs = { numRuns: scaled(300, 5_000) };

/** Undoes the visible escapes of text that had no backslash of its own: proves no two such inputs look alike. */
function unescape(shown: string): string {
  return shown.replace(/\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|([tnr]))/g, (_, x?: string, u?: string, c?: string) =>
    c ? ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c]! : String.fromCharCode(parseInt((x ?? u)!, 16)),
  );
}

/** An RFC 4180 reader, to read back what renderCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += field.length;
    }
    row.push(field);
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === ',') i++;
    else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('displayText: text shown to people', () => {
  it('shows every kind of hostile text escaped, as a reader expects to see it', () => {
    expect(displayText(HOSTILE.clearScreen)).toBe('\\x1b[2J\\x1b[Hcleared');
    expect(displayText(HOSTILE.osc8Link)).toBe('\\x1b]8;;http://evil.example/\\x07click me\\x1b]8;;\\x07');
    expect(displayText(HOSTILE.crOverwrite)).toBe('innocent text\\rEVIL');
    expect(displayText(HOSTILE.rightToLeftOverride)).toBe('abc\\u202edcba');
    expect(displayText(HOSTILE.c1Csi)).toBe('x\\x9b2Jy');
    expect(displayText(HOSTILE.nul)).toBe('a\\x00b');
    expect(displayText(HOSTILE.del)).toBe('a\\x7fb');
    expect(displayText(HOSTILE.innerTab)).toBe('a\\tb');
    expect(displayText(HOSTILE.loneSurrogates)).toBe('a\\ud800b\\udc00c');
    expect(displayText(HOSTILE.lineSeparator)).toBe('a\\u2028b\\u2029c');
    expect(displayText(HOSTILE.newlineRow)).toBe('line one\\n2020-01-01  resolved: yes  forged row');
  });

  it('keeps line breaks only when asked, writing CRLF as LF and a lone CR escaped', () => {
    expect(displayText('a\r\nb\nc\rd', { multiline: true })).toBe('a\nb\nc\\rd');
    expect(displayText('a\r\nb', {})).toBe('a\\r\\nb');
    expect(displayText('a\tb', { tabs: true })).toBe('a\tb');
  });

  it('leaves printable text alone: ASCII (backslashes too), accents, CJK, emoji', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        fc.pre(dangerousIn(s).length === 0);
        expect(displayText(s)).toBe(s);
      }),
      runs,
    );
    expect(displayText('C:\\Users\\x1b 🧪 中文')).toBe('C:\\Users\\x1b 🧪 中文');
  });

  it('never lets a dangerous character through, on one line or many', () => {
    fc.assert(
      fc.property(hostileString(), (s) => {
        expect(dangerousIn(displayText(s))).toEqual([]);
        expect(dangerousIn(displayText(s, { multiline: true }), '\n')).toEqual([]);
        expect(dangerousIn(displayText(s, { multiline: true, tabs: true }), '\n\t')).toEqual([]);
      }),
      runs,
    );
  });

  it('is idempotent, so a cell escaped once passes the writer unchanged', () => {
    fc.assert(
      fc.property(hostileString(), (s) => {
        const once = displayText(s, { multiline: true });
        expect(displayText(once, { multiline: true })).toBe(once);
        expect(displayText(displayText(s))).toBe(displayText(s));
      }),
      runs,
    );
  });

  it('keeps distinct texts distinguishable when they hold no backslash of their own', () => {
    fc.assert(
      fc.property(hostileString(), (raw) => {
        const s = raw.replaceAll('\\', '/');
        expect(unescape(displayText(s))).toBe(s);
      }),
      runs,
    );
  });
});

describe('terminalSafe: the last pass before a terminal', () => {
  it('escapes everything, escape sequences included, when the stream has no colour', () => {
    expect(terminalSafe('\x1b[1mbold\x1b[22m \x1b]8;;x\x07', false)).toBe('\\x1b[1mbold\\x1b[22m \\x1b]8;;x\\x07');
  });

  it("on a colour terminal spares exactly the CLI's own SGR codes and escapes the rest", () => {
    expect(terminalSafe('\x1b[1mbold\x1b[22m \x1b[32m✔\x1b[39m', true)).toBe('\x1b[1mbold\x1b[22m \x1b[32m✔\x1b[39m');
    expect(terminalSafe('\x1b[5mblink \x1b[8mhidden \x1b[2J \x1b[31;1m', true)).toBe('\\x1b[5mblink \\x1b[8mhidden \\x1b[2J \\x1b[31;1m');
    fc.assert(
      fc.property(hostileString(), (s) => {
        // eslint-disable-next-line no-control-regex -- ESC starts the colour codes removed here
        const out = terminalSafe(s, true).replace(/\x1b\[(?:1|2|22|31|32|33|36|39)m/g, '');
        expect(dangerousIn(out, '\n')).toEqual([]);
      }),
      runs,
    );
  });
});

describe('neutraliseFormula and renderCsv: safe to open in a spreadsheet', () => {
  it("prefixes a ' to text a spreadsheet would run as a formula (OWASP), and nothing else", () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) expect(neutraliseFormula(`${start}1+1`)).toEqual({ text: `'${start}1+1`, neutralised: true });
    for (const safe of ['1+1', "'=x", ' =x', 'a=b', '']) expect(neutraliseFormula(safe)).toEqual({ text: safe, neutralised: false });
  });

  it('writes the formulas of the corpus as quoted text with a leading quote', () => {
    const csv = renderCsv([[HOSTILE.hyperlinkFormula, HOSTILE.cmdFormula, HOSTILE.atSum, HOSTILE.minusFormula, '\tx', '\r\nx', '\rx']]);
    // A lone CR is shown as the text \r (a line break is LF only), which no spreadsheet runs.
    expect(csv).toBe(`"'=HYPERLINK(""http://x"",""y"")","'+cmd|' /C calc'!A0","'@SUM(1+1)","'-2+3","'\tx","'\nx",\\rx\r\n`);
  });

  it('writes numbers as numbers: a negative value is a value, not a formula', () => {
    expect(renderCsv([[-0.3, -2, 0, true, null, undefined]])).toBe('-0.3,-2,0,true,,\r\n');
  });

  it('quotes a field holding ; (a separator in some locales), a tab or a line break', () => {
    expect(renderCsv([['a;=1+2', 'a\tb', 'a\r\nb', 'a,b', 'plain']])).toBe('"a;=1+2","a\tb","a\nb","a,b",plain\r\n');
  });

  it('starts with a UTF-8 byte order mark only with bom', () => {
    expect(renderCsv([['a']], { bom: true })).toBe('\ufeffa\r\n');
    expect(renderCsv([['a']])).toBe('a\r\n');
  });

  it('reads back, per RFC 4180, as cells with no formula start and no dangerous character but tab and LF', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileString(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const csv = renderCsv(table);
        const read = parseCsv(csv);
        expect(read).toHaveLength(table.length);
        for (const [r, row] of read.entries()) {
          expect(row).toHaveLength(width);
          for (const [c, cell] of row.entries()) {
            expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
            expect(dangerousIn(cell, '\t\n')).toEqual([]);
            // What the reader sees is the text shown safe, behind a ' when it would be a formula.
            const shown = displayText(table[r]![c]!, { multiline: true, tabs: true });
            expect(cell).toBe(/^[=+\-@\t\n]/.test(shown) ? `'${shown}` : shown);
          }
        }
      }),
      runs,
    );
  });
});

describe('iCalendar text', () => {
  it('drops control and bidirectional characters and lone surrogates, keeping tabs and line breaks', () => {
    expect(withoutControls('a\x1b[2Jb\u202ec\u0000d\u009be\r\nf\rg\th\ud800')).toBe('a[2Jbcde\nf\ng\th');
    expect(escapeIcsText('x\x07y;z,\\ w\r\nv')).toBe('xy\\;z\\,\\\\ w\\nv');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the line', () => {
    fc.assert(
      fc.property(hostileString(), fc.constantFrom('SUMMARY:', 'DESCRIPTION:'), (s, name) => {
        const line = `${name}${escapeIcsText(s)}`;
        const folded = foldIcsLine(line);
        const parts = folded.split('\r\n');
        for (const part of parts) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          expect(dangerousIn(part, '\t')).toEqual([]); // no half of a surrogate pair on either side of a fold
        }
        expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
        expect(folded.replaceAll('\r\n ', '')).toBe(line);
      }),
      runs,
    );
  });
});

describe('safeJson', () => {
  it('writes DEL, C1, bidi controls and U+2028/U+2029 as \\u escapes and parses back to the same value', () => {
    expect(safeJson({ t: 'a\u007f\u009b\u202e\u2028\u2066' })).toBe('{"t":"a\\u007f\\u009b\\u202e\\u2028\\u2066"}');
    fc.assert(
      fc.property(fc.dictionary(hostileString(), fc.oneof(hostileString(), fc.double({ noNaN: true, noDefaultInfinity: true }))), (value) => {
        const json = safeJson(value, undefined, 2);
        expect(dangerousIn(json, '\n')).toEqual([]);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      runs,
    );
  });
});
