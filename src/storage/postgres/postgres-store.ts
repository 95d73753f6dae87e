import { z } from 'zod';
import { optionsSchema, parseArg, PathArg } from '../../_internal/validate-args.js';
import { EngineStore, ledgerClosed } from '../../engine/engine-store.js';
import { LedgerError } from '../../errors.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { LedgerEvent } from '../../model/ledger-event.js';
import type { QuestionRecord, StoredResolution } from '../../model/question-record.js';
import type { QuestionUpdate } from '../../model/question-update.js';
import type { RecordCounts } from '../../model/record-counts.js';
import type { Source } from '../../model/source.js';
import type { LedgerReader, LedgerStore, StoredScorecardParts, StoredScoreTotals } from '../ledger-store.js';
import type { QuestionScoreRow } from '../../scoring/stored/stored-rows.js';
import type { ForecastFilter, QuestionFilter } from '../types.js';
import { PgAdapter } from './pg-adapter.js';
import { isPostgresUrl, safeLocation } from './pg-errors.js';
import type { PgReads } from './pg-reads.js';

/** Options for {@link PostgresStore.open}. */
export interface PostgresStoreOptions {
  /**
   * Apply pending migrations on open (default `true`). With `false`, the applied migrations are
   * still checked, a database that needs a migration is refused with `migration_pending`, and
   * opening writes nothing.
   */
  migrate?: boolean;
  /** Where the `NNNN_name.sql` files are (default: the package's `migrations/postgres`). */
  migrationsDir?: string;
  /** The clock used for `recordedAt` (default: `() => new Date()`). */
  now?: () => Date;
  /**
   * `full` (default): a write returns once its commit is durable on the server. `normal`: writes
   * set `synchronous_commit = off`; the last commits can be lost if the server crashes (never
   * corrupted), for bulk work that can be redone.
   */
  durability?: 'full' | 'normal';
  /** Connections in the store's pool (default 10). */
  poolSize?: number;
}

/** The options of {@link PostgresStore.open}, checked on open. @internal */
export const PostgresStoreOptionsArg = optionsSchema<PostgresStoreOptions>()({
  migrate: z.boolean().optional(),
  migrationsDir: PathArg.optional(),
  now: z.custom<() => Date>((f) => typeof f === 'function', 'expected now as a function returning a Date').optional(),
  durability: z.enum(['full', 'normal'], { error: 'expected durability "full" or "normal"' }).optional(),
  poolSize: z.number({ error: 'expected poolSize as a whole number from 1 to 1000' }).int().min(1).max(1000).optional(),
});

/**
 * A ledger in a PostgreSQL database, shared by writers on any number of machines.
 *
 * @remarks
 * Built on `pg` (node-postgres, an optional peer dependency: `npm install pg`), with a pool of
 * connections. The same tables, hash chain and rules as `SqliteStore`, and the same results
 * for the same data. Every write is one transaction that takes the ledger's advisory lock first,
 * so appends from every process are serialized in the database and the chain stays gapless; a
 * transaction aborted for a serialization failure or a deadlock is run again, never surfaced.
 * `verify()` runs in one `REPEATABLE READ` snapshot. Passwords never appear in errors or reports:
 * `openReport.location` is the URL with `***` for its password. Driver errors are wrapped as
 * `LedgerError` with code `storage_error`. See docs/storage.md for roles and backups.
 *
 * @example
 * ```ts
 * import { PostgresStore } from 'forecast-ledger/postgres';
 * const store = await PostgresStore.open('postgres://ledger_app@db.example.org/forecasts');
 * (await store.counts()).questions; //=> 0 on a new database
 * await store.close();
 * ```
 */
export class PostgresStore extends EngineStore implements LedgerStore {
  readonly #pg: PgAdapter;

  private constructor(adapter: PgAdapter, now: (() => Date) | undefined) {
    super(adapter, now);
    this.#pg = adapter;
  }

  /**
   * Connects to a PostgreSQL database and opens the ledger in it, creating its tables on first use.
   *
   * @param url - `postgres://user:password@host:port/database` or `postgresql://…`, with any
   *   parameter `pg` accepts (`sslmode=require`, …); the password may instead come from
   *   `PGPASSWORD` or `~/.pgpass`
   * @param options - see {@link PostgresStoreOptions}
   * @returns the store
   * @throws LedgerError `validation_failed` for a target that is not a `postgres://` URL or an option
   *   of the wrong type, `unknown_option` for an unknown option; `storage_error` when `pg` is not
   *   installed, the server cannot be reached or refuses the login; the migration codes of
   *   `migrate()` when the migrations do not check out
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    url = parseArg('PostgresStore.open', 'url', PathArg, url);
    if (!isPostgresUrl(url)) {
      throw new LedgerError(
        'validation_failed',
        `PostgresStore.open url: expected a postgres:// or postgresql:// URL, received ${JSON.stringify(safeLocation(url).slice(0, 80))}`,
      );
    }
    options = parseArg('PostgresStore.open', 'options', PostgresStoreOptionsArg, options) ?? {};
    return new PostgresStore(await PgAdapter.open(url, options), options.now);
  }

  /** Runs reads on the pool, once the store is known to be open. */
  async #read<T>(fn: (reads: PgReads) => Promise<T>): Promise<T> {
    if (this.closed) throw ledgerClosed();
    return this.#pg.run(fn);
  }

  /** @internal */
  async storedScoreTotals(): Promise<StoredScoreTotals | undefined> {
    return this.#read((r) => r.scores.storedTotals());
  }

  /** @internal */
  async storedQuestionScores(forecasterId: string): Promise<QuestionScoreRow[] | undefined> {
    return this.#read((r) => r.scores.storedRows(forecasterId));
  }

  /** @internal */
  async storedScorecardParts(forecasterId: string): Promise<StoredScorecardParts | undefined> {
    if (this.closed) throw ledgerClosed();
    // Several reads that must agree: one snapshot.
    return this.#pg.read((r) => this.#pg.translated(() => r.scores.scorecardParts(forecasterId)));
  }

  async getSource(id: string): Promise<Source | undefined> {
    return this.#read((r) => r.getSource(id));
  }

  async listSources(): Promise<Source[]> {
    return this.#read((r) => r.listSources());
  }

  async getForecaster(id: string): Promise<Forecaster | undefined> {
    return this.#read((r) => r.getForecaster(id));
  }

  async listForecasters(): Promise<Forecaster[]> {
    return this.#read((r) => r.listForecasters());
  }

  async getQuestion(id: string): Promise<QuestionRecord | undefined> {
    return this.#read((r) => r.getQuestion(id));
  }

  async listQuestions(filter: QuestionFilter = {}): Promise<QuestionRecord[]> {
    return this.#read((r) => r.listQuestions(filter));
  }

  async listForecasts(filter: ForecastFilter = {}): Promise<StoredForecast[]> {
    return this.#read((r) => r.listForecasts(filter));
  }

  async listResolutions(filter: { questionId?: string; currentOnly?: boolean } = {}): Promise<StoredResolution[]> {
    return this.#read((r) => r.listResolutions(filter));
  }

  async listUpdates(filter: { questionId?: string } = {}): Promise<QuestionUpdate[]> {
    return this.#read((r) => r.listUpdates(filter));
  }

  async history(questionId: string): Promise<LedgerEvent[]> {
    return this.#read((r) => r.history(questionId));
  }

  async events(options: { afterSeq?: number; limit?: number } = {}): Promise<LedgerEvent[]> {
    return this.#read((r) => r.events(options));
  }

  async counts(): Promise<RecordCounts> {
    return this.#read((r) => r.counts());
  }

  /**
   * Runs `fn` with reads in one snapshot: one `REPEATABLE READ READ ONLY` transaction on one
   * connection of the pool (see {@link LedgerStore.read}).
   */
  async read<T>(fn: (reader: LedgerReader) => Promise<T>): Promise<T> {
    if (this.closed) throw ledgerClosed();
    return this.#pg.read(async (reads) => {
      let open = true;
      const run = async <R>(read: (r: PgReads) => Promise<R>): Promise<R> => {
        // The connection goes back to the pool when fn settles: a late read must not run on it.
        if (!open) throw new LedgerError('storage_error', 'read(): the snapshot has ended: use the reader only inside the function given to read()');
        return this.#pg.translated(() => read(reads));
      };
      const reader: LedgerReader = {
        getSource: (id) => run((r) => r.getSource(id)),
        listSources: () => run((r) => r.listSources()),
        getForecaster: (id) => run((r) => r.getForecaster(id)),
        listForecasters: () => run((r) => r.listForecasters()),
        getQuestion: (id) => run((r) => r.getQuestion(id)),
        listQuestions: (filter) => run((r) => r.listQuestions(filter)),
        listForecasts: (filter) => run((r) => r.listForecasts(filter)),
        listResolutions: (filter) => run((r) => r.listResolutions(filter)),
        listUpdates: (filter) => run((r) => r.listUpdates(filter)),
        history: (questionId) => run((r) => r.history(questionId)),
        events: (options) => run((r) => r.events(options)),
        counts: () => run((r) => r.counts()),
        // The stored scores (issue 11), read in the same snapshot.
        storedScoreTotals: () => run((r) => r.scores.storedTotals()),
        storedQuestionScores: (forecasterId) => run((r) => r.scores.storedRows(forecasterId)),
        storedScorecardParts: (forecasterId) => run((r) => r.scores.scorecardParts(forecasterId)),
      };
      try {
        return await fn(reader);
      } finally {
        open = false;
      }
    });
  }
}
