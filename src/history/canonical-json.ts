import { LedgerError } from '../errors.js';
import { describeThrown } from '../_internal/validate-args.js';

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
 * @throws LedgerError `validation_failed` for a non-finite number, a value JSON cannot carry, or one
 *   that throws when read
 * @see RFC 8785, JSON Canonicalization Scheme — https://www.rfc-editor.org/rfc/rfc8785
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null, 'x'] }); //=> '{"a":[true,null,"x"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  try {
    return flat(serialize(value));
  } catch (thrown) {
    if (thrown instanceof LedgerError) throw thrown;
    // A getter or Proxy trap that throws, or nesting deeper than the stack: not a JSON value.
    throw new LedgerError(
      'validation_failed',
      `cannot serialize the value as JSON: expected plain JSON data, received a value that threw when read (${describeThrown(thrown)})`,
      {
        cause: thrown,
      },
    );
  }
}

/**
 * `s`, flattened. Strings built with `+=` are ropes in V8 (a tree of the pieces, about five times
 * the size of the text); a payload is kept until its batch is written, so it is flattened once, here
 * (reading a character makes V8 flatten the rope in place).
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** {@link canonicalJson} without the final flattening (for the recursion). */
function serialize(value: unknown): string {
  // A hot path (every event payload is written by it): plain loops and string concatenation.
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        throw new LedgerError('validation_failed', `cannot serialize ${value}: expected a finite number`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const v: unknown = value[i];
          out += v === undefined ? 'null' : serialize(v);
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = sortedKeys(obj);
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = obj[k];
        if (v === undefined) continue;
        if (first) first = false;
        else out += ',';
        out += quotedKey(k) + serialize(v);
      }
      return `${out}}`;
    }
    default:
      throw new LedgerError('validation_failed', `cannot serialize a value of type ${typeof value} as JSON`);
  }
}

/**
 * An object's own keys in UTF-16 code-unit order (RFC 8785 §3.2.3; what `Array.prototype.sort`
 * does by default). Records have a handful of keys, where an insertion sort beats `sort()`.
 */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** `"key":` as JSON writes it; cached, since records reuse a few field names over and over. */
const quotedKeys = new Map<string, string>();
function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
}

/**
 * An object's canonical JSON split where a member with key `key` (absent from the object) would go:
 * the members that sort before it and those that sort after it, each joined with `,`.
 *
 * @internal
 */
export interface CanonicalSplit {
  before: string;
  after: string;
}

/**
 * Serializes `obj` once, split around where `key` would go (see {@link joinCanonicalSplit}): so the
 * canonical JSON of the object, and of the object with that one member added, come from one pass.
 *
 * @internal
 */
export function canonicalSplit(obj: Record<string, unknown>, key: string): CanonicalSplit {
  const keys = sortedKeys(obj);
  let before = '';
  let after = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = obj[k];
    if (v === undefined) continue;
    const member = quotedKey(k) + serialize(v);
    if (k < key) before = before ? `${before},${member}` : member;
    else after = after ? `${after},${member}` : member;
  }
  return { before, after };
}

/**
 * The canonical JSON of a split object: without `value`, the object's own; with it, the object's
 * with the member `[key]: value` (a string) in its sorted place, i.e.
 * `canonicalJson({ ...obj, [key]: value })`.
 *
 * @internal
 */
export function joinCanonicalSplit({ before, after }: CanonicalSplit, key: string, value?: string): string {
  const middle = value === undefined ? '' : quotedKey(key) + JSON.stringify(value);
  let out = before;
  if (middle) out = out ? `${out},${middle}` : middle;
  if (after) out = out ? `${out},${after}` : after;
  return flat(`{${out}}`);
}

/**
 * Canonical JSON already computed for a record, handed from the code that built the record (the
 * import planner, say) to the store that writes it, so the same bytes are not serialized twice.
 *
 * @remarks
 * Take-once: {@link takeCanonicalJson} removes the entry, so a record mutated after being stored
 * can never be written with stale bytes. Keyed by object identity, held weakly.
 */
const known: WeakMap<object, string> = sharedWeakMap(Symbol.for('forecast-ledger.canonicalJson'));

/**
 * One map for every copy of this module in the process: each entry point of the built package
 * bundles its own copy, and what the importer (one copy) remembers the store (another) must find.
 */
function sharedWeakMap(key: symbol): WeakMap<object, string> {
  const slot = globalThis as { [key: symbol]: WeakMap<object, string> | undefined };
  return (slot[key] ??= new WeakMap());
}

/** Remembers `json` as the canonical JSON of `record` (see {@link takeCanonicalJson}). @internal */
export function rememberCanonicalJson(record: object, json: string): void {
  known.set(record, json);
}

/** The canonical JSON remembered for `record`, if any; forgets it. @internal */
export function takeCanonicalJson(record: object): string | undefined {
  const json = known.get(record);
  if (json !== undefined) known.delete(record);
  return json;
}
