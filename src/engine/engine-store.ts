/**
 * The part of every {@link LedgerStore} that is the same on every backend: `apply`, `verify`,
 * `migrate` and `close` through a {@link StorageAdapter}. A backend's store extends it with its own
 * reads.
 *
 * @internal
 * @module
 */
import { LedgerError, LedgerValidationError } from '../errors.js';
import { parseVerifyOptions } from '../history/anchor.js';
import type { QuestionUpdate } from '../model/question-update.js';
import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Source } from '../model/source.js';
import type { Change } from '../model/change.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { QuestionRecord, StoredResolution } from '../model/question-record.js';
import type { RecordCounts } from '../model/record-counts.js';
import { checkedChanges } from '../storage/checked-changes.js';
import type { LedgerReader, LedgerStore } from '../storage/ledger-store.js';
import type { ApplyOptions, ApplyResult, ForecastFilter, MigrationReport, QuestionFilter, VerifyOptions, VerifyReport } from '../storage/types.js';
import { applyChanges, type ApplyOutcome } from './apply-changes.js';
import { FactCache } from './fact-cache.js';
import type { OpenReport, StorageAdapter, StoreCapabilities } from './storage-adapter.js';
import { verifyLedger } from './verify-ledger.js';

/** Thrown inside a write transaction to roll it back; never escapes `apply`. */
const ROLLBACK = Symbol('rollback');

/** The error every call on a closed store fails with. @internal */
export function ledgerClosed(): LedgerError {
  return new LedgerError('ledger_closed', 'the ledger is closed: open it again with openLedger()');
}

/**
 * A {@link LedgerStore} whose writes and `verify()` run through a {@link StorageAdapter}: the engine
 * in one place. Subclasses give the reads, in their own SQL.
 *
 * @internal
 */
export abstract class EngineStore implements LedgerStore {
  /** The backend under this store. @internal */
  protected readonly adapter: StorageAdapter;
  readonly #now: () => Date;
  /** Facts about committed records, kept across write transactions (see {@link FactCache}). */
  readonly #facts = new FactCache();
  #closed = false;

  protected constructor(adapter: StorageAdapter, now: () => Date = () => new Date()) {
    this.adapter = adapter;
    this.#now = now;
  }

  get capabilities(): StoreCapabilities {
    return this.adapter.capabilities;
  }

  get openReport(): OpenReport {
    return this.adapter.openReport;
  }

  /** Whether {@link EngineStore.close} was called. */
  protected get closed(): boolean {
    return this.#closed;
  }

  async migrate(): Promise<MigrationReport> {
    if (this.#closed) throw ledgerClosed();
    return this.adapter.migrate();
  }

  async apply(changes: readonly Change[], options: ApplyOptions = {}): Promise<ApplyResult> {
    ({ changes, options } = checkedChanges(changes, options));
    if (this.#closed) throw ledgerClosed();
    let outcome: ApplyOutcome | undefined;
    try {
      await this.adapter.write(async (tx) => {
        outcome = await applyChanges(tx, changes, options, this.#facts, this.#now, this.adapter.capabilities.storedScores);
        // A symbol, not an Error: adapters translate Errors (driver failures) and pass anything else through unchanged.
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the rollback signal, caught just below
        if (outcome.issues.length || options.dryRun) throw ROLLBACK;
      });
      // Only now, after the commit, do the facts this transaction wrote become shared.
      outcome!.reader.committed({ seq: outcome!.result.lastSeq, hash: outcome!.result.head });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    const { result, issues } = outcome!;
    if (options.dryRun) return { ...result, issues };
    if (issues.length === 1) throw new LedgerValidationError(issues[0]!.code, 'nothing was written', issues);
    if (issues.length > 1) throw new LedgerValidationError('import_failed', 'nothing was written', issues);
    return result;
  }

  async verify(options?: VerifyOptions): Promise<VerifyReport> {
    if (this.#closed) throw ledgerClosed();
    const checked = parseVerifyOptions(options);
    // One snapshot: the chain walk and the other checks see the same state.
    return this.adapter.snapshot((reader) => verifyLedger(reader, checked));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.adapter.close();
  }

  abstract getSource(id: string): Promise<Source | undefined>;
  abstract listSources(): Promise<Source[]>;
  abstract getForecaster(id: string): Promise<Forecaster | undefined>;
  abstract listForecasters(): Promise<Forecaster[]>;
  abstract getQuestion(id: string): Promise<QuestionRecord | undefined>;
  abstract listQuestions(filter?: QuestionFilter): Promise<QuestionRecord[]>;
  abstract listForecasts(filter?: ForecastFilter): Promise<StoredForecast[]>;
  abstract listResolutions(filter?: { questionId?: string; currentOnly?: boolean }): Promise<StoredResolution[]>;
  abstract listUpdates(filter?: { questionId?: string }): Promise<QuestionUpdate[]>;
  abstract history(questionId: string): Promise<LedgerEvent[]>;
  abstract events(options?: { afterSeq?: number; limit?: number }): Promise<LedgerEvent[]>;
  abstract counts(): Promise<RecordCounts>;
  abstract read<T>(fn: (reader: LedgerReader) => Promise<T>): Promise<T>;
}
