/** A decimal number as people write it: `0.7`, `-12`, `.5`, `1e6`, `2.5E-3`; nothing else. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The one parser of numbers typed as text (CLI flags, `70%`): a finite decimal number, or undefined.
 *
 * @remarks
 * `Number()` alone would take hex (`0x1`), binary (`0b1`), octal (`0o7`), `Infinity`, white space
 * around the digits and the empty string (as 0); none of those is a number someone meant to type.
 *
 * @internal
 */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
