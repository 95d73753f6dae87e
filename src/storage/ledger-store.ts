import type { QuestionUpdate } from '../model/question-update.js';
import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Source } from '../model/source.js';
import type {
  ApplyOptions,
  ApplyResult,
  BackupOptions,
  BackupReport,
  Change,
  ForecastFilter,
  LedgerEvent,
  MigrationReport,
  QuestionFilter,
  QuestionRecord,
  RecordCounts,
  StoredResolution,
  VerifyOptions,
  VerifyReport,
} from './types.js';
import type { ForecasterTotalsRow, QuestionScoreRow, ScorecardScoreRow } from '../scoring/stored/stored-rows.js';
import type { OpenReport, StoreCapabilities } from './store-capabilities.js';

/**
 * What {@link LedgerStore.storedScoreTotals} reads.
 *
 * @remarks
 * A store may hand back the very same object again while the ledger is unchanged (no event recorded
 * since: its head is the same); the ledger then reuses what it derived from it, the forecaster list
 * included, without reading or parsing again. A new object means nothing may be reused.
 *
 * @internal
 */
export interface StoredScoreTotals {
  readonly totals: readonly ForecasterTotalsRow[];
  /** The latest `resolvedOn` of any resolution, superseded ones too (the stored scores stand from that day on). */
  readonly latestResolvedOn: string | undefined;
}

/** What {@link LedgerStore.storedScorecardParts} reads: one forecaster's part of the ledger. @internal */
export interface StoredScorecardParts {
  /** The forecaster's stored score rows: only the columns a scorecard shows (a full {@link QuestionScoreRow} will do). */
  readonly rows: readonly ScorecardScoreRow[];
  /** The questions the forecaster made a claim on, as recorded (no amendment applied), in recorded order, with their current resolutions. */
  readonly questions: readonly QuestionRecord[];
  /** The forecaster's forecasts, in recorded order. */
  readonly forecasts: readonly StoredForecast[];
  /** Every update of those questions (amendments, withdrawals, clarifications, comments), in recorded order. */
  readonly updates: readonly QuestionUpdate[];
}

/**
 * The storage port: domain operations a ledger backend provides.
 *
 * @remarks
 * Every method is async, so a server backend (PostgreSQL, say) fits without changing callers, and
 * every write method is one atomic unit: it applies all of its changes or none. Backends check the
 * domain rules in `checkChange` inside their transaction, so a rule holds even when two processes
 * write to the same ledger. `SqliteStore` (`forecast-ledger/sqlite`) is the embedded implementation.
 */
export interface LedgerStore {
  /** What this backend can do beyond this interface (file backups, a storage check, writers on other machines). */
  readonly capabilities: StoreCapabilities;
  /** What opening the store did: where the ledger is (safe to print), the migrations applied, the schema version. */
  readonly openReport: OpenReport;
  /** Applies pending migrations; refuses edited, missing or out-of-order ones. */
  migrate(): Promise<MigrationReport>;
  /**
   * Applies a batch of changes atomically: all or nothing. Records already present with identical
   * content are skipped; every rule violation in the batch is reported together.
   *
   * With `dryRun`, nothing is written and the problems are returned in `issues` instead. Every
   * record is checked against its schema first (a change built by hand cannot write a record the
   * schemas refuse).
   *
   * @throws LedgerValidationError with code `import_failed` (several problems) or the problem's own code;
   *   `validation_failed` for a change whose record does not match its schema
   */
  apply(changes: readonly Change[], options?: ApplyOptions): Promise<ApplyResult>;
  /** The source with this id, or `undefined`. */
  getSource(id: string): Promise<Source | undefined>;
  /** Every source, in recorded order. */
  listSources(): Promise<Source[]>;
  /** The forecaster with this id, or `undefined`. */
  getForecaster(id: string): Promise<Forecaster | undefined>;
  /** Every forecaster, in recorded order. */
  listForecasters(): Promise<Forecaster[]>;
  /** The question with this id and its current state, or `undefined`. */
  getQuestion(id: string): Promise<QuestionRecord | undefined>;
  /** Questions matching every given filter; by due date then id unless `filter.order` says otherwise. */
  listQuestions(filter?: QuestionFilter): Promise<QuestionRecord[]>;
  /**
   * Forecasts matching every given filter, in recorded order: by question, by forecaster, and by the
   * current status of their question (`questionStatus`).
   */
  listForecasts(filter?: ForecastFilter): Promise<StoredForecast[]>;
  /** Resolutions in recorded order; `currentOnly` keeps the latest per question. */
  listResolutions(filter?: { questionId?: string; currentOnly?: boolean }): Promise<StoredResolution[]>;
  /**
   * Question-life events (clarifications, amendments, comments, withdrawn forecasts) in recorded
   * order, each record with its `recordedAt`; optionally only those about one question.
   */
  listUpdates(filter?: { questionId?: string }): Promise<QuestionUpdate[]>;
  /** Every event about a question (the question, its forecasts, its resolutions, its question-life events), in order. */
  history(questionId: string): Promise<LedgerEvent[]>;
  /** Events with `seq > afterSeq`, in order, at most `limit`. */
  events(options?: { afterSeq?: number; limit?: number }): Promise<LedgerEvent[]>;
  /** Counts of current records. */
  counts(): Promise<RecordCounts>;
  /**
   * Recomputes the hash chain, checks every derived table against the events, and (for a backend
   * that has one) the schema and the database file.
   *
   * @throws LedgerError `invalid_anchor` (a malformed `expectedHead`), `validation_failed` (other bad options)
   */
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  /**
   * Writes a consistent copy of the ledger to a new file and verifies the copy. Present when
   * `capabilities.fileBackup`; without it `Ledger.backup()` fails with `storage_error`.
   *
   * @throws LedgerError `file_exists`, `validation_failed`, `storage_error`
   */
  backup?(path: string, options?: BackupOptions): Promise<BackupReport>;
  /**
   * The stored scores' per-forecaster totals (issue 11), with the latest `resolvedOn` of any current
   * resolution; `undefined` when the store keeps no stored scores or has not filled them yet. Optional:
   * without it, leaderboards are computed from scratch.
   *
   * @internal
   */
  storedScoreTotals?(): Promise<StoredScoreTotals | undefined>;
  /**
   * One forecaster's stored score rows (issue 11); `undefined` as for {@link LedgerStore.storedScoreTotals}.
   *
   * @internal
   */
  storedQuestionScores?(forecasterId: string): Promise<QuestionScoreRow[] | undefined>;
  /**
   * One forecaster's part of the ledger for a stored scorecard, read at once (issue 11); `undefined` as
   * for {@link LedgerStore.storedScoreTotals}. Optional: without it, the ledger composes it from
   * {@link LedgerStore.storedQuestionScores} and the list reads (one `listUpdates` per question).
   *
   * @internal
   */
  storedScorecardParts?(forecasterId: string): Promise<StoredScorecardParts | undefined>;
  /**
   * Runs `fn` with reads that all see one consistent snapshot of the ledger: a write committed by
   * anyone meanwhile is seen by none of them or, after `fn`, by all.
   *
   * @remarks
   * For operations that read several things and must not see a write land between them (an export,
   * a scorecard, a leaderboard). Use only `reader` inside `fn`: on SQLite the snapshot holds the
   * connection until `fn` settles, so calling this store's own methods inside `fn` waits for `fn`
   * itself. `reader` refuses calls once `fn` has settled.
   *
   * @param fn - the reads, through `reader`
   * @returns what `fn` returns
   * @throws LedgerError `ledger_closed`; whatever `fn` throws
   *
   * @example
   * ```ts
   * const [questions, forecasts] = await store.read((r) => Promise.all([r.listQuestions(), r.listForecasts()]));
   * ```
   */
  read<T>(fn: (reader: LedgerReader) => Promise<T>): Promise<T>;
  /** Releases the connection; later calls fail with `ledger_closed`. */
  close(): Promise<void>;
}

/** The read methods of a {@link LedgerStore}, as {@link LedgerStore.read} hands them to its function. */
export type LedgerReader = Pick<
  LedgerStore,
  | 'getSource'
  | 'listSources'
  | 'getForecaster'
  | 'listForecasters'
  | 'getQuestion'
  | 'listQuestions'
  | 'listForecasts'
  | 'listResolutions'
  | 'listUpdates'
  | 'history'
  | 'events'
  | 'counts'
  | 'storedScoreTotals'
  | 'storedQuestionScores'
  | 'storedScorecardParts'
>;
