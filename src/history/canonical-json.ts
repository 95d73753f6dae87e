import { LedgerError } from '../errors.js';

/**
 * Serializes a JSON value canonically: object keys sorted by UTF-16 code units, no white space,
 * `undefined` members dropped, numbers and strings as `JSON.stringify` writes them.
 *
 * @remarks
 * For the values the ledger stores this is the JSON Canonicalization Scheme of RFC 8785 (JCS),
 * whose number and string serialization is ECMAScript's own. The same record always gives the same
 * bytes, which is what makes event hashes reproducible.
 *
 * @param value - a JSON-compatible value (no functions, symbols, bigints, NaN or ±Infinity)
 * @returns the canonical JSON text
 * @throws LedgerError `validation_failed` for a non-finite number or a value JSON cannot carry
 * @see RFC 8785, JSON Canonicalization Scheme — https://www.rfc-editor.org/rfc/rfc8785
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null, 'x'] }); //=> '{"a":[true,null,"x"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new LedgerError('validation_failed', `cannot serialize ${value}: expected a finite number`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new LedgerError('validation_failed', `cannot serialize a value of type ${typeof value} as JSON`);
  }
}
