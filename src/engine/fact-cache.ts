/**
 * Facts about committed records that the write rules read again and again, kept across write
 * transactions: an import in batches or a stream of single appends does not load the same question
 * each time.
 *
 * @internal
 * @module
 */
import type { QuestionFacts } from '../core/check-change.js';
import type { HeadRow } from './storage-adapter.js';

/** At most this many question facts are kept between transactions (about 100 bytes each). */
const FACT_CACHE_LIMIT = 1_000_000;

/** No head seen yet: never equal to a real head, nor to the empty ledger's. */
const UNKNOWN: unique symbol = Symbol('unknown head');

/**
 * The facts cache of one store, backend-neutral.
 *
 * @remarks
 * Records are never deleted and a question's kind, due date and options never change; only its
 * current resolution does, and only through an event. So the cache is valid exactly while the
 * history has not moved since the cache last saw it: every write transaction reads the head under
 * the write lock and calls {@link FactCache.validate} with it, which drops everything when the head
 * differs from the one this store last committed or read (another process, another connection or
 * another store wrote since). Facts loaded inside a transaction are committed state at that head and
 * join the cache at once; facts the transaction writes join it only after the commit
 * ({@link FactCache.committed}), so a rollback leaves nothing behind.
 *
 * @internal
 */
export class FactCache {
  readonly questions = new Map<string, QuestionFacts>();
  readonly forecasters = new Set<string>();
  readonly sources = new Set<string>();
  #head: HeadRow | undefined | typeof UNKNOWN = UNKNOWN;

  /** Keeps the cache if `head` (read under the write lock) is the head it knows; drops it otherwise. */
  validate(head: HeadRow | undefined): void {
    if (sameHead(this.#head, head) && this.questions.size < FACT_CACHE_LIMIT) return;
    this.questions.clear();
    this.forecasters.clear();
    this.sources.clear();
    this.#head = head;
  }

  /** A transaction committed: the facts it wrote join the cache, which is now valid at `head`. */
  committed(head: HeadRow, questions: ReadonlyMap<string, QuestionFacts>, forecasters: Iterable<string>, sources: Iterable<string>): void {
    for (const [id, facts] of questions) this.questions.set(id, facts);
    for (const id of forecasters) this.forecasters.add(id);
    for (const id of sources) this.sources.add(id);
    this.#head = head;
  }
}

function sameHead(a: HeadRow | undefined | typeof UNKNOWN, b: HeadRow | undefined): boolean {
  if (a === UNKNOWN) return false;
  if (a === undefined || b === undefined) return a === b;
  return a.seq === b.seq && a.hash === b.hash;
}
