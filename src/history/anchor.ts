import { LedgerError } from '../errors.js';
import type { HeadAnchor, VerifyOptions } from '../storage/types.js';
import { GENESIS_HASH } from './event-hash.js';

/** `<seq>:<64 lower-case hex digits>`: the one printed and accepted form of an anchor. */
const ANCHOR_PATTERN = /^(0|[1-9][0-9]{0,15}):([0-9a-f]{64})$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** What an anchor must look like, for error messages. */
const EXPECTED = 'an anchor "<seq>:<sha256 hex>" as verify() returns it in report.anchor (e.g. "171:9f2c…", 64 lower-case hex digits), or { seq, hash }';

/** An anchor as its string: `<seq>:<hash>`. @internal */
export function formatAnchor(seq: number, hash: string): string {
  return `${seq}:${hash}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with keys [${Object.keys(value).join(', ')}]`;
  return `${typeof value} ${String(value)}`;
}

function invalid(field: string, value: unknown, why = ''): LedgerError {
  return new LedgerError(
    'invalid_anchor',
    `${field}: expected ${EXPECTED}${why}, received ${describe(value)}. Pass back report.anchor exactly as verify() printed it`,
    {
      details: { field },
    },
  );
}

/**
 * Reads an anchor strictly: the string `<seq>:<hash>` or an object with exactly `seq` (an integer
 * ≥ 0) and `hash` (64 lower-case hex digits). Anything else — a bare hash, `{}`, an array, extra
 * keys — is refused, so a malformed anchor can never silently skip the check.
 *
 * @param value - the anchor as given
 * @param field - the option's name, for the message
 * @returns the anchor's sequence number and hash
 * @throws LedgerError `invalid_anchor`
 * @internal
 */
export function parseAnchor(value: unknown, field = 'expectedHead'): HeadAnchor {
  if (typeof value === 'string') {
    const m = ANCHOR_PATTERN.exec(value);
    if (!m) {
      const why = HASH_PATTERN.test(value) ? ' (a bare hash is not enough: the anchor names the event it belongs to)' : '';
      throw invalid(field, value, why);
    }
    return checked(field, value, Number(m[1]), m[2]!);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) throw invalid(field, value);
  const keys = Object.keys(value).sort();
  const { seq, hash } = value as Record<string, unknown>;
  if (
    keys.join(',') !== 'hash,seq' ||
    typeof seq !== 'number' ||
    !Number.isSafeInteger(seq) ||
    seq < 0 ||
    typeof hash !== 'string' ||
    !HASH_PATTERN.test(hash)
  ) {
    throw invalid(field, value);
  }
  return checked(field, value, seq, hash);
}

/** The empty history's anchor is `0:<GENESIS_HASH>`; seq 0 with any other hash names nothing. */
function checked(field: string, value: unknown, seq: number, hash: string): HeadAnchor {
  if (!Number.isSafeInteger(seq)) throw invalid(field, value);
  if (seq === 0 && hash !== GENESIS_HASH) throw invalid(field, value, ' (seq 0 is the empty history, whose hash is 64 zeros)');
  return { seq, hash };
}

/**
 * Checks `verify()`'s options at the boundary: a plain object (or nothing) with only `expectedHead`
 * (an anchor, see {@link parseAnchor}) and `quick` (a boolean).
 *
 * @throws LedgerError `validation_failed` (not an object, an unknown key, `quick` not a boolean), `invalid_anchor`
 * @internal
 */
export function parseVerifyOptions(options: unknown): { expectedHead?: HeadAnchor; quick: boolean } {
  if (options === undefined) return { quick: false };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new LedgerError('validation_failed', `verify options: expected an object { expectedHead?, quick? } or nothing, received ${describe(options)}`);
  }
  const unknown = Object.keys(options).filter((k) => k !== 'expectedHead' && k !== 'quick');
  if (unknown.length) {
    throw new LedgerError(
      'validation_failed',
      `verify options: expected only expectedHead and quick, received ${unknown.map((k) => JSON.stringify(k)).join(', ')}: check the spelling`,
    );
  }
  const { expectedHead, quick } = options as VerifyOptions;
  if (quick !== undefined && typeof quick !== 'boolean') {
    throw new LedgerError('validation_failed', `verify options: quick: expected true or false, received ${describe(quick)}`);
  }
  return { quick: quick ?? false, ...(expectedHead === undefined ? {} : { expectedHead: parseAnchor(expectedHead) }) };
}
