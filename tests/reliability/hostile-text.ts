// The hostile-text oracle and corpus shared by the output-safety tests. The oracle is written here,
// apart from src/format/safe-text.ts, so a mistake in the module's character classes shows up.
import fc from 'fast-check';

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** Whether a terminal or a reader could act on this code point (a lone surrogate counts). */
export function isDangerous(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    BIDI.has(codePoint) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

/** The dangerous characters of `text`, as `U+XXXX` names, except those in `allowed`. */
export function dangerousIn(text: string, allowed = ''): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isDangerous(cp) && !allowed.includes(ch)) found.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return found;
}

/** Every kind of hostile text the suite puts in a ledger's text fields. */
export const HOSTILE = {
  clearScreen: '\x1b[2J\x1b[Hcleared',
  osc8Link: '\x1b]8;;http://evil.example/\x07click me\x1b]8;;\x07',
  windowTitle: '\x1b]0;pwned title\x07after',
  bell: 'ding\x07ding',
  crOverwrite: 'innocent text\rEVIL',
  backspaces: 'abc\b\b\bxyz',
  rightToLeftOverride: 'abc\u202edcba',
  leftToRightIsolate: '\u2066isolated\u2069 text',
  c1Csi: 'x\u009b2Jy',
  nul: 'a\u0000b',
  del: 'a\u007fb',
  sgrRed: '\x1b[31mred\x1b[39m',
  hyperlinkFormula: '=HYPERLINK("http://x","y")',
  cmdFormula: "+cmd|' /C calc'!A0",
  atSum: '@SUM(1+1)',
  minusFormula: '-2+3',
  innerTab: 'a\tb',
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  markdown: '| a | b | # *x* _y_ [l](http://e) `c` \\ ~~s~~',
  newlineRow: 'line one\n2020-01-01  resolved: yes  forged row',
  lineSeparator: 'a\u2028b\u2029c',
  loneSurrogates: 'a\ud800b\udc00c',
  emojiAndCjk: '🧪✅ 中文標題とかな 😀👨‍👩‍👧 '.repeat(6).trim(),
  veryLong: `long ${'x'.repeat(4000)} end`,
} as const;

export type HostileName = keyof typeof HOSTILE;
export const HOSTILE_NAMES = Object.keys(HOSTILE) as HostileName[];

/** Strings rich in dangerous characters: controls, bidi, lone surrogates, escapes, backslashes, emoji and CJK. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ...Object.values(HOSTILE),
          '\x1b',
          '\\',
          '\\x1b',
          '\\u202e',
          '\r\n',
          '\n',
          '\t',
          '\u202e',
          '\u2066',
          '\u009b',
          '\ud83d',
          '\ude00',
          '😀',
          '中',
        ),
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
        fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
      ),
      { maxLength: 24 },
    )
    .map((parts) => parts.join(''));
