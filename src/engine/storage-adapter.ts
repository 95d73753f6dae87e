/**
 * The contract between the ledger engine and a database: what every backend (SQLite, PostgreSQL)
 * provides so that the engine — sequence numbers, canonical payloads, the hash chain, the domain
 * rules, relation checks, dry runs, the chain walk of `verify()` — is written once.
 *
 * @remarks
 * An adapter is thin: a serialized write transaction, facts loaded in batches, appending event and
 * projection rows, a paged scan of the events in a snapshot, and the checks of its own tables in its
 * own SQL dialect. It never checks a domain rule and never computes a hash. Backends differ only by
 * {@link StoreCapabilities} and their {@link OpenReport}; shared code never asks which backend it
 * talks to.
 *
 * @internal
 * @module
 */
import type { QuestionFacts } from '../core/check-change.js';
import type { EventType } from '../model/ledger-event.js';
import type { ScoringForecast } from '../scoring/load-scoring-data.js';
import type { Forecaster } from '../model/forecaster.js';
import type { QuestionRecord, StoredResolution } from '../model/question-record.js';
import type { ForecasterTotalsRow, QuestionScoreRow } from '../scoring/stored/stored-rows.js';
import type { StoredScoresSnapshot } from './verify-scores.js';
import type { OpenReport, StoreCapabilities } from '../storage/store-capabilities.js';
import type { MigrationReport, VerifyProblem } from '../storage/types.js';

// Public since LedgerStore carries them; defined beside the store port, re-exported for adapters.
export type { OpenReport, StoreCapabilities } from '../storage/store-capabilities.js';

/** An event row exactly as stored: the payload is its canonical JSON text. @internal */
export interface EventRow {
  seq: number;
  type: EventType;
  entityId: string;
  recordedAt: string;
  payload: string;
  prevHash: string;
  hash: string;
}

/**
 * An event row as `verify()` scans it: `seq` as an exact bigint, since a row written around the
 * library may carry any integer (a forged `seq ≤ 0`, or one beyond 2⁵³).
 *
 * @internal
 */
export type ScannedEventRow = Omit<EventRow, 'seq'> & { seq: bigint };

/**
 * One row of a derived (projection) table, written in the same transaction as its event. The
 * adapter maps each kind to its own tables; `verify()` later checks every row against the events.
 *
 * @internal
 */
export type ProjectionRow =
  | { kind: 'source'; eventSeq: number; id: string }
  | { kind: 'forecaster'; eventSeq: number; id: string; forecasterType: string }
  | { kind: 'question'; eventSeq: number; id: string; questionKind: string; stance: string; resolveOn: string; tags: readonly string[] }
  | {
      kind: 'forecast';
      eventSeq: number;
      id: string;
      questionId: string;
      forecasterId: string;
      madeAt: string;
      /** The effective probability of `yes` (`effectiveProbability`), or `null` for a non-binary estimate. */
      probability: number | null;
    }
  | {
      kind: 'resolution';
      eventSeq: number;
      questionId: string;
      status: string;
      resolvedOn: string;
      /** The outcome value as stored for queries: `1`/`0` for binary, the number, the date or option id; `null` without one. */
      outcome: number | string | null;
      /** The event of the resolution this one supersedes (a correction), or `null`. The question's current resolution becomes this one. */
      supersedesSeq: number | null;
    }
  | {
      kind: 'update';
      eventSeq: number;
      type: EventType;
      questionId: string;
      forecastId: string | null;
      /**
       * An amendment of the due date: the question's due-date column (SQLite `questions.resolve_on`)
       * becomes this date, so due-date filters and order follow the current revision.
       */
      resolveOn?: string;
    }
  /**
   * A question's stored scores (issue 11): these rows replace every row the question had. `replaces` is false when the
   * question had no stored row (its first resolution, the common case): nothing to delete, and a backend may skip the delete.
   */
  | { kind: 'question-scores'; questionId: string; rows: readonly QuestionScoreRow[]; replaces: boolean }
  /** A forecaster's stored totals, replacing the row they had. */
  | { kind: 'forecaster-scores'; row: ForecasterTotalsRow };

/**
 * What the engine asks for before checking a batch: every id the batch adds or refers to. The
 * adapter answers for committed state only; the engine overlays what the batch itself writes.
 *
 * @internal
 */
export interface FactRequest {
  /** Sources whose canonical payload is needed (the batch adds them: same content or a conflict). */
  sourcePayloads: ReadonlySet<string>;
  /** Sources whose existence is needed (referenced by a forecast or evidence). */
  sources: ReadonlySet<string>;
  forecasterPayloads: ReadonlySet<string>;
  forecasters: ReadonlySet<string>;
  /** Questions whose canonical payload is needed. */
  questionPayloads: ReadonlySet<string>;
  /** Questions whose {@link QuestionFacts} are needed (added, forecast on, resolved, updated, related to). */
  questions: ReadonlySet<string>;
  /** Forecasts whose canonical payload is needed (the batch adds them). */
  forecastPayloads: ReadonlySet<string>;
  /** Forecasts whose question and withdrawal are needed (the batch withdraws them). */
  forecasts: ReadonlySet<string>;
  /** Questions whose current resolution, in full, is needed (the batch resolves or amends them). */
  resolutions: ReadonlySet<string>;
  /** Questions whose forecasts' ids and `madeAt` are needed (the batch resolves them: the time rules). */
  forecastTimes: ReadonlySet<string>;
  /** Question-life events that may already be in the history (a re-import): type, entity, payload, time. */
  updates: readonly UpdateKey[];
  /**
   * What rescoring questions reads, asked in requests of their own (a page of questions each) once the batch's events and
   * projection rows are appended: the answer is the state inside the write transaction, the batch and earlier pages' score rows included.
   */
  scores?: ScoresRequest;
}

/**
 * The state the stored scores of some questions are recomputed from (issue 11), as the write
 * transaction sees it after the batch's `append` (and the `append` of the score rows of the pages
 * before this one).
 *
 * @internal
 */
export interface ScoresRequest {
  /** Questions to rescore. */
  readonly questions: ReadonlySet<string>;
  /** Every resolved question too (an aggregate forecaster joined: it is scored everywhere). */
  readonly allResolved: boolean;
  /** Forecasters whose totals are needed besides those the adapter finds (the batch's forecasters). */
  readonly forecasters: ReadonlySet<string>;
}

/** The answer to a {@link ScoresRequest}: the state in the write transaction, the batch's own events included. @internal */
export interface ScoringFacts {
  /** The requested questions that exist, and with `allResolved` every resolved one, with their current resolutions. */
  records: QuestionRecord[];
  /** Every forecast on those questions, a withdrawn one with its `withdrawnAt` (it counts until then). */
  forecasts: ScoringForecast[];
  /** Every aggregate forecaster. */
  aggregates: Forecaster[];
  /** The stored score rows of those questions. */
  rows: QuestionScoreRow[];
  /** The stored totals of every forecaster in `rows`, with a forecast in `forecasts`, an aggregate, or requested. */
  totals: Map<string, ForecasterTotalsRow>;
}

/** A question-life event's identity for re-import detection. @internal */
export interface UpdateKey {
  type: EventType;
  entityId: string;
  payload: string;
  recordedAt: string;
}

/** The committed facts a {@link FactRequest} asked for; an id absent from a map does not exist. @internal */
export interface LoadedFacts {
  sourcePayloads: Map<string, string>;
  sources: Set<string>;
  forecasterPayloads: Map<string, string>;
  forecasters: Set<string>;
  questionPayloads: Map<string, string>;
  questions: Map<string, QuestionFacts>;
  forecastPayloads: Map<string, string>;
  forecasts: Map<string, { questionId: string; withdrawal?: { payload: string; recordedAt: string } }>;
  resolutions: Map<string, StoredResolution>;
  /** By question: its forecasts in recorded order. A question with none may be absent. */
  forecastTimes: Map<string, { id: string; madeAt: string }[]>;
  /** The {@link updateKeyText} of every requested update already in the history. */
  updates: Set<string>;
  /** The answer to {@link FactRequest.scores}, when asked. */
  scores?: ScoringFacts;
}

/** A stable text for an {@link UpdateKey}, for sets. @internal */
export function updateKeyText(key: UpdateKey): string {
  return JSON.stringify([key.type, key.entityId, key.payload, key.recordedAt]);
}

/** The last event: its seq and stored hash. @internal */
export interface HeadRow {
  seq: number;
  hash: string;
}

/**
 * The operations available inside a serialized write transaction.
 *
 * @internal
 */
export interface WriteTransaction {
  /** The last event, read under the write lock, or `undefined` for an empty ledger. */
  head(): Promise<HeadRow | undefined>;
  /** The committed facts the request names, in as few round trips as the backend can manage. */
  loadFacts(request: FactRequest): Promise<LoadedFacts>;
  /** Appends the events (consecutive seqs after the head) and their projection rows; called again with no events for each page of score rows. */
  append(events: readonly EventRow[], projections: readonly ProjectionRow[]): Promise<void>;
}

/**
 * The operations available inside one read snapshot (one transaction at a consistent view), for
 * `verify()` and for reads that must agree with each other (export, scorecards, leaderboard).
 *
 * @internal
 */
export interface SnapshotReader {
  /** At most `limit` event rows with `seq > afterSeq` (all rows, from the lowest, when `afterSeq` is `null`), by seq. */
  scanEvents(afterSeq: bigint | null, limit: number): Promise<ScannedEventRow[]>;
  /** The stored hash of the event at `seq`, or `undefined`. */
  eventHashAt(seq: number): Promise<string | undefined>;
  /** Every derived row checked against its event, and counts against `eventCounts` (events per type from the chain walk). */
  checkProjections(eventCounts: Readonly<Record<string, number>>): Promise<VerifyProblem[]>;
  /** The applied migrations against the migration files (checksums, order, none missing). */
  checkMigrations(): Promise<VerifyProblem[]>;
  /** Tables, indexes, triggers, views and functions against what the applied migrations create. */
  checkSchema(): Promise<VerifyProblem[]>;
  /**
   * The stored scores (issue 11) and the records they are recomputed from, or `undefined` when they
   * are not filled yet (then nothing reads them). Absent on a backend without
   * `StoreCapabilities.storedScores`.
   */
  storedScores?(): Promise<StoredScoresSnapshot | undefined>;
  /**
   * Starts the database's own check of its storage (`PRAGMA integrity_check`, or `quick_check` when
   * `quick`), when {@link StoreCapabilities.storageCheck}. `verify()` starts it before the chain
   * walk and asks for its result at the end, so a backend may run it beside the walk (SQLite does,
   * in a worker thread, for a large file).
   */
  startStorageCheck(quick: boolean): StorageCheck;
}

/**
 * A storage check under way ({@link SnapshotReader.startStorageCheck}).
 *
 * @internal
 */
export interface StorageCheck {
  /** The problems found (never rejects: a check that fails is a problem). Ends the check. */
  result(): Promise<VerifyProblem[]>;
  /** Stops the check if it still runs (when verify() throws); harmless after {@link StorageCheck.result}. */
  cancel(): Promise<void>;
}

/**
 * The check of a backend with nothing to check: no problems.
 *
 * @internal
 */
export const NO_STORAGE_CHECK: StorageCheck = Object.freeze({ result: async () => [], cancel: async () => {} });

/**
 * A backend, as the engine sees it.
 *
 * @remarks
 * `write` runs `fn` in a transaction that no other writer (in this process, another process or on
 * another machine) can interleave with: appends are serialized in the database. If `fn` throws,
 * everything it wrote is rolled back and the error is rethrown. A backend that can fail a
 * transaction for serialization reasons retries it by running `fn` again from the start (so `fn`
 * must only read and write through `tx`), and never surfaces that failure.
 *
 * @internal
 */
export interface StorageAdapter {
  readonly capabilities: StoreCapabilities;
  readonly openReport: OpenReport;
  write<T>(fn: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  snapshot<T>(fn: (reader: SnapshotReader) => Promise<T>): Promise<T>;
  /** Applies pending migrations (refusing edited, missing or out-of-order ones), as `LedgerStore.migrate()`. */
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
}
