import { createHash } from 'node:crypto';

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
  return createHash('sha256')
    .update(`${prevHash}\n${e.seq}\n${e.type}\n${e.entityId}\n${e.recordedAt}\n${e.payload}`)
    .digest('hex');
}
