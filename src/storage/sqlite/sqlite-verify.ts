/**
 * The SQLite side of `verify()`: a paged scan of every event row, and the checks of SQLite's own
 * tables, schema, migrations and file, run inside the adapter's read snapshot.
 *
 * @internal
 * @module
 */
import type Database from 'better-sqlite3';
import type { ScannedEventRow, SnapshotReader, StorageCheck } from '../../engine/storage-adapter.js';
import type { EventType } from '../../model/ledger-event.js';
import type { VerifyProblem } from '../types.js';
import { migrate, type MigrationFile } from './migrations.js';
import { verifyProjections } from './verify-projections.js';
import { verifySchema } from './verify-schema.js';
import { SqliteReads } from './sqlite-reads.js';
import { startStorageCheck } from './sqlite-storage-check.js';
import type { SqliteScores } from './sqlite-scores.js';
import type { StoredScoresSnapshot } from '../../engine/verify-scores.js';

/** Resolved questions per page of the stored-scores check. */
const STORED_SCORES_PAGE = 2000;

/** An event row as the scan reads it: seq as a BigInt (safeIntegers), the other columns text. */
type ScanTuple = [seq: bigint, type: EventType, entityId: string, recordedAt: string, payload: string, prevHash: string, hash: string];

function prepareVerifyStatements(db: Database.Database) {
  return {
    // Every row, from the lowest seq (even below 1), with seq as an exact BigInt.
    firstEvents: db.prepare('SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events ORDER BY seq LIMIT ?').raw().safeIntegers(),
    eventsAfter: db
      .prepare('SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
      .raw()
      .safeIntegers(),
    eventHashAt: db.prepare('SELECT hash FROM events WHERE seq = ?').pluck(),
    appliedVersions: db.prepare('SELECT version FROM schema_migrations').pluck(),
  };
}

/**
 * The {@link SnapshotReader} of one SQLite connection; the adapter opens the read transaction around it.
 *
 * @internal
 */
export class SqliteSnapshot implements SnapshotReader {
  readonly #db: Database.Database;
  readonly #s: ReturnType<typeof prepareVerifyStatements>;
  readonly #migrations: () => readonly MigrationFile[];
  readonly #now: () => Date;
  /** The migration files, read once per snapshot. */
  #files: readonly MigrationFile[] | undefined;

  /**
   * @param db - the connection
   * @param migrations - reads the migration files (each snapshot reads them again: they may have been edited)
   * @param now - the store's clock
   */
  readonly #scores: SqliteScores;
  readonly #reads: SqliteReads;

  constructor(db: Database.Database, migrations: () => readonly MigrationFile[], now: () => Date, scores: SqliteScores) {
    this.#db = db;
    this.#scores = scores;
    this.#reads = new SqliteReads(db);
    this.#s = prepareVerifyStatements(db);
    this.#migrations = migrations;
    this.#now = now;
  }

  /** Starts a new snapshot: the migration files are read again when asked for. */
  reset(): this {
    this.#files = undefined;
    return this;
  }

  #migrationFiles(): readonly MigrationFile[] {
    return (this.#files ??= this.#migrations());
  }

  async scanEvents(afterSeq: bigint | null, limit: number): Promise<ScannedEventRow[]> {
    // `all()` is cheaper per row than `iterate()`, and a page keeps memory bounded.
    const rows = (afterSeq === null ? this.#s.firstEvents.all(limit) : this.#s.eventsAfter.all(afterSeq, limit)) as ScanTuple[];
    return rows.map(([seq, type, entityId, recordedAt, payload, prevHash, hash]) => ({ seq, type, entityId, recordedAt, payload, prevHash, hash }));
  }

  async storedScores(): Promise<StoredScoresSnapshot | undefined> {
    if (!this.#scores.filled()) return undefined;
    const scores = this.#scores;
    // Every resolved question, a page at a time: what scoring reads (the records from the event payloads, through the
    // projections verify() also checks), so memory stays bounded at any size.
    const ids = scores.resolvedQuestionIds();
    async function* pages() {
      for (let i = 0; i < ids.length; i += STORED_SCORES_PAGE) yield scores.page(ids.slice(i, i + STORED_SCORES_PAGE));
    }
    return { forecasters: this.#reads.listForecasters(), pages: pages(), strayRows: scores.strayRows(), totals: scores.allTotals() };
  }

  async eventHashAt(seq: number): Promise<string | undefined> {
    return this.#s.eventHashAt.get(seq) as string | undefined;
  }

  async checkProjections(eventCounts: Readonly<Record<string, number>>): Promise<VerifyProblem[]> {
    return verifyProjections(this.#db, eventCounts);
  }

  async checkMigrations(): Promise<VerifyProblem[]> {
    const files = this.#migrationFiles(); // unreadable files are an error, not a problem of this ledger
    try {
      migrate(this.#db, files, this.#now, false);
      return [];
    } catch (error) {
      return [{ table: 'schema_migrations', message: (error as Error).message }];
    }
  }

  async checkSchema(): Promise<VerifyProblem[]> {
    const applied = new Set(this.#s.appliedVersions.all() as number[]);
    return verifySchema(
      this.#db,
      this.#migrationFiles().filter((f) => applied.has(f.version)),
    );
  }

  startStorageCheck(quick: boolean): StorageCheck {
    return startStorageCheck(this.#db, quick);
  }
}
