import * as crypto from 'node:crypto';

/** The `prev_hash` of the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers. @internal */
export interface HashedEventFields {
  seq: number;
  type: string;
  entityId: string;
  recordedAt: string;
  payload: string;
}

/**
 * SHA-256 as lower-case hex. Node ≥ 20.12 has the one-shot `crypto.hash`, about twice as fast on
 * short inputs as a `createHash` object (no object per call); older versions fall back to it.
 */
const sha256Hex: (data: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (data) => (crypto as unknown as { hash(algorithm: string, data: string, encoding: 'hex'): string }).hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of a string's UTF-8 bytes, as lower-case hex. @internal */
export function sha256(data: string): string {
  return sha256Hex(data);
}

/**
 * The SHA-256 hash of an event, chained to the previous one.
 *
 * @remarks
 * `hash = SHA-256(prevHash ‖ "\n" ‖ seq ‖ "\n" ‖ type ‖ "\n" ‖ entityId ‖ "\n" ‖ recordedAt ‖ "\n" ‖ payload)`
 * as lower-case hex, where `payload` is the stored canonical JSON. Every column of the event is
 * covered, so editing any of them, or removing or reordering events, breaks the chain from there on.
 *
 * @internal
 */
export function eventHash(prevHash: string, e: HashedEventFields): string {
  return sha256Hex(`${prevHash}\n${e.seq}\n${e.type}\n${e.entityId}\n${e.recordedAt}\n${e.payload}`);
}
