/**
 * `verify()`, written once for every backend: the chain walk over every event row, the anchor, and
 * then the adapter's own checks of its derived tables, migrations, schema and storage, all in one
 * snapshot.
 *
 * @internal
 * @module
 */
import { pushAll } from '../_internal/arrays.js';
import { LedgerError } from '../errors.js';
import { formatAnchor } from '../history/anchor.js';
import { GENESIS_HASH, eventHash } from '../history/event-hash.js';
import type { HeadAnchor, VerifyProblem, VerifyReport } from '../storage/types.js';
import type { SnapshotReader } from './storage-adapter.js';
import { checkStoredScores } from './verify-scores.js';

/** Events read per page by the chain walk. */
const VERIFY_PAGE = 4096;

/** What the chain walk found. */
interface ChainWalk {
  events: number;
  /** The stored hash of the last event read. */
  head: string;
  lastSeq: number;
  eventCounts: Record<string, number>;
  firstBrokenSeq?: number;
  /** The recomputed hash of the event at the anchor's seq, when there is one. */
  anchorHash?: string;
}

/**
 * Verifies the ledger `reader` sees: recomputes the hash chain, checks the anchor, and runs the
 * adapter's checks. A driver error inside a check (a corrupt page, say) is a problem, not an
 * exception; a `LedgerError` is thrown as it is.
 *
 * @param reader - one snapshot of the database
 * @param options - the checked options of `verify()`
 * @returns the report (`ok` when no problem was found)
 * @internal
 */
export async function verifyLedger(reader: SnapshotReader, options: { expectedHead?: HeadAnchor; quick: boolean }): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const check = async (what: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      problems.push({ table: 'database', message: `${what} failed: ${(error as Error).message}` });
    }
  };
  // Started first and collected last: a backend may run it beside the chain walk (SQLite, on a large
  // file, in a worker thread). Its problems still come first in the report.
  const storage = reader.startStorageCheck(options.quick);
  try {
    const chain = await checkLedger(reader, problems, check, options);
    const storageProblems = await storage.result();
    return {
      ok: problems.length === 0 && storageProblems.length === 0,
      events: chain.events,
      head: chain.head,
      anchor: formatAnchor(chain.lastSeq, chain.head),
      ...(chain.firstBrokenSeq === undefined ? {} : { firstBrokenSeq: chain.firstBrokenSeq }),
      problems: storageProblems.length === 0 ? problems : [...storageProblems, ...problems],
    };
  } finally {
    await storage.cancel();
  }
}

/**
 * Every check but the storage check: the chain walk, the anchor, the derived tables, the stored
 * scores, the migrations and the schema, in that order, their problems pushed onto `problems`.
 */
async function checkLedger(
  reader: SnapshotReader,
  problems: VerifyProblem[],
  check: (what: string, fn: () => Promise<void>) => Promise<void>,
  options: { expectedHead?: HeadAnchor },
): Promise<ChainWalk> {
  let chain: ChainWalk = { events: 0, head: GENESIS_HASH, lastSeq: 0, eventCounts: {} };
  await check('reading the events', async () => {
    chain = await walkChain(reader, problems, options.expectedHead);
  });
  const anchor = options.expectedHead;
  if (anchor && anchor.seq > 0 && chain.anchorHash !== anchor.hash) {
    const at = `the anchored event ${anchor.seq} (${anchor.hash.slice(0, 12)}…)`;
    problems.push({
      table: 'events',
      seq: anchor.seq,
      message:
        chain.anchorHash === undefined
          ? `${at} is not in the history, which ends at event ${chain.lastSeq}: events were removed`
          : `${at} now hashes to ${chain.anchorHash.slice(0, 12)}…: the history up to it was rewritten`,
    });
  }
  await check('checking the derived tables', async () => {
    pushAll(problems, await reader.checkProjections(chain.eventCounts));
  });
  await check('checking the stored scores', async () => {
    const stored = await reader.storedScores?.();
    if (stored) pushAll(problems, await checkStoredScores(stored));
  });
  pushAll(problems, await reader.checkMigrations());
  await check('checking the schema', async () => {
    pushAll(problems, await reader.checkSchema());
  });
  return chain;
}

/**
 * Recomputes the hash chain over every event row, whatever its seq: rows numbered below 1 (which
 * `events()` and the library never read) are walked first, so a forged one cannot hide there.
 *
 * Each row is checked on its own: its stored hash against its content and its own link, and its link
 * against the stored hash of the row before. Every row passes both exactly when the chain recomputed
 * from the start matches every stored hash; when one does not, the problem is reported at that row
 * alone, not again at each row after it, whose own content and links are intact. The chain recomputed
 * from the start is still what an anchor is compared with: a history rewritten up to the anchor, with
 * every later hash recomputed, passes the row checks and fails there.
 */
async function walkChain(reader: SnapshotReader, problems: VerifyProblem[], anchor: HeadAnchor | undefined): Promise<ChainWalk> {
  const walk: ChainWalk = { events: 0, head: GENESIS_HASH, lastSeq: 0, eventCounts: {} };
  const broken = (seq: number, message: string): void => {
    if (walk.firstBrokenSeq === undefined) walk.firstBrokenSeq = seq;
    problems.push({ table: 'events', seq, message });
  };
  // The stored hash of the row before, and the chain recomputed from the first row.
  let prevStored = GENESIS_HASH;
  let chain = GENESIS_HASH;
  let expectedSeq = 1;
  // In pages, so memory stays bounded. The page bound is the exact (bigint) seq, so a forged huge
  // seq cannot stall the walk.
  let rows = await reader.scanEvents(null, VERIFY_PAGE);
  while (rows.length > 0) {
    for (const { seq: bigSeq, type, entityId, recordedAt, payload, prevHash, hash } of rows) {
      const seq = Number(bigSeq);
      walk.events++;
      walk.eventCounts[type] = (walk.eventCounts[type] ?? 0) + 1;
      if (seq < expectedSeq) broken(seq, `event ${bigSeq} is out of place: events are numbered from 1 without gaps (a row was inserted outside the ledger)`);
      else if (seq !== expectedSeq) broken(seq, `expected event ${expectedSeq}, found ${seq}: events ${expectedSeq}–${seq - 1} are missing`);
      if (prevHash !== prevStored)
        broken(seq, `event ${bigSeq} links to ${prevHash.slice(0, 12)}…, but the event before it is stored with the hash ${prevStored.slice(0, 12)}…`);
      const content = { seq, type, entityId, recordedAt, payload };
      const own = eventHash(prevHash, content);
      if (own !== hash) broken(seq, `event ${bigSeq} (${type} ${entityId}) was altered: its stored hash does not match its content`);
      // While the recomputed chain agrees with the row's link (always, on an intact ledger), it is the row's own hash.
      chain = chain === prevHash ? own : eventHash(chain, content);
      if (anchor && seq === anchor.seq) walk.anchorHash = chain;
      prevStored = hash;
      walk.head = hash;
      walk.lastSeq = seq;
      expectedSeq = Math.max(expectedSeq, seq + 1);
    }
    rows = await reader.scanEvents(rows[rows.length - 1]!.seq, VERIFY_PAGE);
  }
  return walk;
}
