import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseArg } from '../../_internal/ledger-args.js';
import { parseArg, PathArg } from '../../_internal/validate-args.js';
import { EngineStore } from '../../engine/engine-store.js';
import type { LedgerReader, LedgerStore } from '../ledger-store.js';
import { LedgerError } from '../../errors.js';
import { GENESIS_HASH } from '../../history/event-hash.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { LedgerEvent } from '../../model/ledger-event.js';
import type { QuestionRecord, StoredResolution } from '../../model/question-record.js';
import type { QuestionUpdate } from '../../model/question-update.js';
import type { RecordCounts } from '../../model/record-counts.js';
import type { Source } from '../../model/source.js';
import type { BackupOptions, BackupReport, ForecastFilter, MigrationReport, QuestionFilter, VerifyReport } from '../types.js';
import { StoreOptionsArg, type SqliteStoreOptions } from '../open-options.js';
import { backupTarget, placeFile } from './backup-file.js';
import { SqliteAdapter } from './sqlite-adapter.js';
import { SqliteReads, snapshotReads } from './sqlite-reads.js';
import { retryWhileBusy } from './busy-retry.js';
import type { StoredScorecardParts, StoredScoreTotals } from '../ledger-store.js';
import { toScoreRow, toTotalsRow, type QuestionScoreRow } from '../../scoring/stored/stored-rows.js';
import { scoreLedger, totalsOf } from '../../scoring/stored/stored-scores.js';

// The options live in a module without the driver, so openLedger can check them before loading it.
export { DURABILITY_LEVELS, type Durability, type SqliteStoreOptions } from '../open-options.js';

/**
 * The embedded {@link LedgerStore}: one SQLite file (or `:memory:`) through better-sqlite3.
 *
 * @remarks
 * WAL journal, foreign keys on, STRICT tables with CHECK constraints, migrations from
 * `migrations/sqlite/`. Writes and `verify()` run through the ledger engine, shared by every
 * backend; the reads are SQLite's own SQL. better-sqlite3 is synchronous and its transactions cannot
 * span an `await`, so a write holds the connection from `BEGIN IMMEDIATE` to `COMMIT` and every
 * other call on the connection waits for it. Errors from the driver are wrapped as `LedgerError`
 * with code `storage_error`.
 *
 * @example
 * ```ts
 * const store = SqliteStore.open(':memory:');
 * (await store.counts()).questions; //=> 0
 * ```
 */
export class SqliteStore extends EngineStore implements LedgerStore {
  /**
   * The better-sqlite3 connection, for read-only SQL. Writing through it bypasses the history:
   * `verify()` will report any row changed that way.
   */
  readonly database: Database.Database;
  /**
   * What opening the store did to the schema: the migrations it applied (none when the database
   * was up to date, or with `migrate: false`) and the resulting schema version.
   */
  readonly migratedOnOpen: MigrationReport;
  readonly #sqlite: SqliteAdapter;
  readonly #reads: SqliteReads;

  private constructor(adapter: SqliteAdapter, now: (() => Date) | undefined) {
    super(adapter, now);
    this.#sqlite = adapter;
    this.database = adapter.database;
    this.migratedOnOpen = { applied: [...adapter.openReport.applied], version: adapter.openReport.version };
    this.#reads = new SqliteReads(adapter.database);
  }

  /**
   * Opens (and by default migrates) a SQLite ledger.
   *
   * @param target - a file path, `':memory:'`, or an open better-sqlite3 `Database`
   * @param options - see {@link SqliteStoreOptions}
   * @returns the store
   * @throws LedgerError `validation_failed` for a target or option of the wrong type (an empty path, a
   *   path with NUL, a `durability` other than `full` or `normal`), `unknown_option` for an unknown
   *   option; `storage_error` when the file cannot be opened; the migration codes of `migrate()` when
   *   the migrations do not check out
   */
  static open(target: string | Database.Database, options: SqliteStoreOptions = {}): SqliteStore {
    target =
      typeof target === 'string'
        ? parseArg('SqliteStore.open', 'target', PathArg, target)
        : (parseArg('SqliteStore.open', 'target', DatabaseArg, target) as Database.Database);
    options = parseArg('SqliteStore.open', 'options', StoreOptionsArg, options) ?? {};
    let db: Database.Database;
    try {
      db = typeof target === 'string' ? new Database(target) : target;
    } catch (cause) {
      throw new LedgerError('storage_error', `cannot open ledger database ${typeof target === 'string' ? target : target.name}: ${(cause as Error).message}`, {
        cause,
      });
    }
    try {
      const store = new SqliteStore(new SqliteAdapter(db, options), options.now);
      if (options.migrate ?? true) store.#fillStoredScores();
      return store;
    } catch (error) {
      if (typeof target === 'string') db.close();
      if (error instanceof LedgerError) throw error;
      throw new LedgerError('storage_error', `cannot open ledger database ${typeof target === 'string' ? target : target.name}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /**
   * Fills the stored scores once after migration 0004 ran on a ledger that already had resolutions
   * (a SQL migration cannot run the scorer): every question scored from the records, in one write
   * transaction that checks again, under the lock, that no other process filled them first.
   * Idempotent: it replaces every row; nothing to do on a new or already filled ledger.
   */
  #fillStoredScores(): void {
    const scores = this.#sqlite.scores;
    if (!scores.hasTables() || scores.filled()) return;
    retryWhileBusy(
      () =>
        this.database
          .transaction(() => {
            if (scores.filled()) return;
            // Only resolved questions have scores: the rest of the ledger is not loaded.
            const { questions, forecasts } = scores.page(scores.resolvedQuestionIds());
            const rows = scoreLedger({ forecasters: this.#reads.listForecasters(), questions, forecasts });
            scores.fill(
              rows.map(toScoreRow),
              [...totalsOf(rows)].map(([id, t]) => toTotalsRow(id, t)),
            );
          })
          .immediate(),
      5000,
    );
  }

  /** @internal */
  async storedScoreTotals(): Promise<StoredScoreTotals | undefined> {
    return this.#sqlite.run(() => this.#storedTotals());
  }

  /** @internal */
  async storedQuestionScores(forecasterId: string): Promise<QuestionScoreRow[] | undefined> {
    return this.#sqlite.run(() => this.#storedRows(forecasterId));
  }

  /** @internal */
  async storedScorecardParts(forecasterId: string): Promise<StoredScorecardParts | undefined> {
    return this.#sqlite.run(() => this.#storedParts(forecasterId));
  }

  /** The last totals read, and the head they were read at. */
  #totalsCache: { head: number; totals: StoredScoreTotals } | undefined;

  /**
   * The stored totals; the very same object as last time while the ledger's head is unchanged (see
   * {@link StoredScoreTotals}): nothing is read but the head, one index probe.
   */
  #storedTotals(): StoredScoreTotals | undefined {
    const scores = this.#sqlite.scores;
    if (!scores.filled()) return undefined;
    const head = scores.head();
    if (this.#totalsCache?.head !== head) {
      const totals = Object.freeze({ totals: Object.freeze(scores.allTotals()), latestResolvedOn: scores.latestResolvedOn() });
      this.#totalsCache = { head, totals };
    }
    return this.#totalsCache.totals;
  }

  #storedParts(forecasterId: string): StoredScorecardParts | undefined {
    const scores = this.#sqlite.scores;
    return scores.filled() ? scores.forecasterPart(forecasterId) : undefined;
  }

  #storedRows(forecasterId: string): QuestionScoreRow[] | undefined {
    const scores = this.#sqlite.scores;
    return scores.filled() ? scores.forecasterRows(forecasterId) : undefined;
  }

  async getSource(id: string): Promise<Source | undefined> {
    return this.#sqlite.run(() => this.#reads.getSource(id));
  }

  async listSources(): Promise<Source[]> {
    return this.#sqlite.run(() => this.#reads.listSources());
  }

  async getForecaster(id: string): Promise<Forecaster | undefined> {
    return this.#sqlite.run(() => this.#reads.getForecaster(id));
  }

  async listForecasters(): Promise<Forecaster[]> {
    return this.#sqlite.run(() => this.#reads.listForecasters());
  }

  async getQuestion(id: string): Promise<QuestionRecord | undefined> {
    return this.#sqlite.run(() => this.#reads.getQuestion(id));
  }

  async listQuestions(filter: QuestionFilter = {}): Promise<QuestionRecord[]> {
    return this.#sqlite.run(() => this.#reads.listQuestions(filter));
  }

  async listForecasts(filter: ForecastFilter = {}): Promise<StoredForecast[]> {
    return this.#sqlite.run(() => this.#reads.listForecasts(filter));
  }

  async listResolutions(filter: { questionId?: string; currentOnly?: boolean } = {}): Promise<StoredResolution[]> {
    return this.#sqlite.run(() => this.#reads.listResolutions(filter));
  }

  async listUpdates(filter: { questionId?: string } = {}): Promise<QuestionUpdate[]> {
    return this.#sqlite.run(() => this.#reads.listUpdates(filter));
  }

  async history(questionId: string): Promise<LedgerEvent[]> {
    return this.#sqlite.run(() => this.#reads.history(questionId));
  }

  async events(options: { afterSeq?: number; limit?: number } = {}): Promise<LedgerEvent[]> {
    return this.#sqlite.run(() => this.#reads.events(options));
  }

  async counts(): Promise<RecordCounts> {
    return this.#sqlite.run(() => this.#reads.counts());
  }

  /**
   * Runs `fn` with reads in one snapshot: one deferred read transaction, holding this connection so
   * no write through it lands in between (see {@link LedgerStore.read}).
   */
  async read<T>(fn: (reader: LedgerReader) => Promise<T>): Promise<T> {
    return this.adapter.snapshot(async () => {
      const view = snapshotReads(this.#reads);
      try {
        // The stored scores (issue 11), read in the same snapshot.
        return await fn({
          ...view.reader,
          storedScoreTotals: async () => this.#storedTotals(),
          storedQuestionScores: async (id) => this.#storedRows(id),
          storedScorecardParts: async (id) => this.#storedParts(id),
        });
      } finally {
        view.end();
      }
    });
  }

  /**
   * Writes a consistent copy of the ledger to `path` with SQLite's online backup API, then verifies
   * the copy before it appears under its name.
   *
   * @remarks
   * The folder of `path` is created if it does not exist. The copy is written to a temporary file next to `path`, switched to a single self-contained file
   * (`journal_mode = DELETE`: no `-wal` file to forget), opened and verified, checked against this
   * ledger's history (its head must be one of this ledger's events), and only then moved to `path`.
   * Copying the `.sqlite` file by hand is unsafe while the ledger is in WAL mode: the newest commits
   * live in the `-wal` file until a checkpoint, so a copy of the main file alone silently lacks them.
   *
   * @param path - the file to write; refused when it exists unless `options.overwrite`
   * @param options - see {@link BackupOptions}
   * @returns the file written, the copy's anchor and its number of events
   * @throws LedgerError `file_exists` (the file exists, or is a ledger in use), `validation_failed`
   *   (a bad path or option), `storage_error` (the copy failed or does not verify; nothing is left behind)
   */
  async backup(path: string, options?: BackupOptions): Promise<BackupReport> {
    const { target, overwrite } = await this.#sqlite.run(() => backupTarget(path, options, this.database.name));
    const temp = `${target}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
    try {
      // Its folder is made as `export --out` makes its own (`backups/ledger-2026-01-01.sqlite` in a fresh checkout).
      mkdirSync(dirname(target), { recursive: true });
      await this.database.backup(temp);
      const copy = SqliteStore.open(temp, { migrate: false, migrationsDir: this.#sqlite.migrationsDir });
      let report: VerifyReport;
      try {
        copy.database.pragma('journal_mode = DELETE');
        report = await copy.verify();
      } finally {
        await copy.close();
      }
      if (!report.ok) {
        throw new LedgerError('storage_error', `backup to ${target}: the copy does not verify (${report.problems[0]?.message}): run verify() on this ledger`, {
          details: { problems: report.problems },
        });
      }
      const hash = report.events ? await this.adapter.snapshot((reader) => reader.eventHashAt(report.events)) : GENESIS_HASH;
      if (hash !== report.head) throw new LedgerError('storage_error', `backup to ${target}: the copy's head ${report.anchor} is not in this ledger's history`);
      placeFile(temp, target, overwrite);
      return { path: target, anchor: report.anchor, events: report.events };
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      throw new LedgerError('storage_error', `backup to ${target} failed: ${(error as Error).message}`, { cause: error });
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) removeIfThere(`${temp}${suffix}`);
    }
  }
}

/** Removes a temporary file, if it was ever made: under a path whose folder is a file (ENOTDIR) there is nothing to remove. */
function removeIfThere(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
  }
}
