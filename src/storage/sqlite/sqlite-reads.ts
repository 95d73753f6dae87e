/**
 * The list and get queries of the SQLite store, in SQLite's SQL.
 *
 * @internal
 * @module
 */
import type Database from 'better-sqlite3';
import { pushAll } from '../../_internal/arrays.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { LedgerEvent } from '../../model/ledger-event.js';
import type { QuestionRecord, StoredResolution } from '../../model/question-record.js';
import type { QuestionUpdate } from '../../model/question-update.js';
import type { RecordCounts } from '../../model/record-counts.js';
import type { Source } from '../../model/source.js';
import { LedgerError } from '../../errors.js';
import type { LedgerReader } from '../ledger-store.js';
import type { ForecastFilter, QuestionFilter } from '../types.js';
import { settled } from './sqlite-adapter.js';
import { QUESTION_SELECT, toEvent, toQuestionRecord, toResolution, toUpdate, type EventTuple, type QuestionRow, type UpdateTuple } from './sqlite-rows.js';

function prepareReadStatements(db: Database.Database) {
  return {
    sourcePayload: db.prepare('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq WHERE s.id = ?').pluck(),
    forecasterPayload: db.prepare('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq WHERE f.id = ?').pluck(),
    listSources: db.prepare('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq ORDER BY s.event_seq').pluck(),
    listForecasters: db.prepare('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq ORDER BY f.event_seq').pluck(),
    questionRecord: db.prepare(`${QUESTION_SELECT} WHERE q.id = ?`),
    allForecasts: db.prepare('SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq ORDER BY f.event_seq').pluck(),
    allUpdates: db.prepare('SELECT e.type, e.payload, e.recorded_at FROM question_updates u JOIN events e ON e.seq = u.event_seq ORDER BY u.event_seq').raw(),
    questionUpdates: db
      .prepare(
        `SELECT e.type, e.payload, e.recorded_at FROM question_updates u JOIN events e ON e.seq = u.event_seq
      WHERE u.question_id = ? ORDER BY u.event_seq`,
      )
      .raw(),
    history: db
      .prepare(
        `SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events
      WHERE (type IN ('question.added', 'resolution.recorded') AND entity_id = ?)
         OR seq IN (SELECT event_seq FROM forecasts WHERE question_id = ?)
         OR seq IN (SELECT event_seq FROM question_updates WHERE question_id = ?)
      ORDER BY seq`,
      )
      .raw(),
    events: db.prepare('SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?').raw(),
    counts: db.prepare(`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM forecasters) AS forecasters,
      (SELECT count(*) FROM questions) AS questions, (SELECT count(*) FROM forecasts) AS forecasts,
      (SELECT count(*) FROM resolutions) AS resolutions, (SELECT count(*) FROM question_updates) AS updates`),
  };
}

/**
 * The reads of the SQLite store, synchronous (the adapter runs them under its connection lock).
 *
 * @internal
 */
export class SqliteReads {
  readonly #db: Database.Database;
  readonly #s: ReturnType<typeof prepareReadStatements>;
  /** The filtered list queries, prepared once per distinct SQL text (a handful of shapes). */
  readonly #prepared = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#s = prepareReadStatements(db);
  }

  #prepare(sql: string): Database.Statement {
    let stmt = this.#prepared.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      if (this.#prepared.size < 256) this.#prepared.set(sql, stmt);
    }
    return stmt;
  }

  getSource(id: string): Source | undefined {
    const payload = this.#s.sourcePayload.get(id) as string | undefined;
    return payload === undefined ? undefined : (JSON.parse(payload) as Source);
  }

  listSources(): Source[] {
    return (this.#s.listSources.all() as string[]).map((payload) => JSON.parse(payload) as Source);
  }

  getForecaster(id: string): Forecaster | undefined {
    const payload = this.#s.forecasterPayload.get(id) as string | undefined;
    return payload === undefined ? undefined : (JSON.parse(payload) as Forecaster);
  }

  listForecasters(): Forecaster[] {
    return (this.#s.listForecasters.all() as string[]).map((payload) => JSON.parse(payload) as Forecaster);
  }

  getQuestion(id: string): QuestionRecord | undefined {
    const row = this.#s.questionRecord.get(id) as QuestionRow | undefined;
    return row ? toQuestionRecord(row) : undefined;
  }

  listQuestions(filter: QuestionFilter = {}): QuestionRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status !== undefined) {
      // Each status once: a caller's list may repeat them, and one SQL variable per entry would overflow SQLite's limit.
      const statuses = typeof filter.status === 'string' ? [filter.status] : [...new Set(filter.status)];
      where.push(`q.status IN (${statuses.map(() => '?').join(', ')})`);
      pushAll(params, statuses);
    }
    if (filter.dueBefore) {
      where.push('q.resolve_on < ?');
      params.push(filter.dueBefore);
    }
    if (filter.dueAfter) {
      where.push('q.resolve_on >= ?');
      params.push(filter.dueAfter);
    }
    if (filter.kind) {
      where.push('q.kind = ?');
      params.push(filter.kind);
    }
    if (filter.stance) {
      where.push('q.stance = ?');
      params.push(filter.stance);
    }
    if (filter.tag) {
      where.push('EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag = ?)');
      params.push(filter.tag);
    }
    if (filter.forecaster) {
      // IN (…) lets SQLite start from the forecaster's forecasts (forecasts_forecaster_cover) instead of
      // probing every question.
      where.push('q.id IN (SELECT f.question_id FROM forecasts f WHERE f.forecaster_id = ?)');
      params.push(filter.forecaster);
    }
    const sql = `${QUESTION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${filter.order === 'recorded' ? 'q.event_seq' : 'q.resolve_on, q.id'}`;
    return (this.#prepare(sql).all(...params) as QuestionRow[]).map(toQuestionRecord);
  }

  listForecasts(filter: ForecastFilter = {}): StoredForecast[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.questionId) {
      where.push('f.question_id = ?');
      params.push(filter.questionId);
    }
    if (filter.forecasterId) {
      where.push('f.forecaster_id = ?');
      params.push(filter.forecasterId);
    }
    // `+f.question_id` keeps SQLite walking the forecasts in recorded order (no sort of the
    // payloads) and testing each against the list of matching questions: twice as fast, at 10⁶
    // forecasts, as fetching them question by question through forecasts_question and sorting.
    if (filter.questionStatus) {
      where.push('+f.question_id IN (SELECT q.id FROM questions q WHERE q.status = ?)');
      params.push(filter.questionStatus);
    }
    if (filter.withdrawn !== undefined) where.push(`${filter.withdrawn ? '' : 'NOT '}EXISTS (SELECT 1 FROM question_updates u WHERE u.forecast_id = f.id)`);
    // Streamed, so the payload strings of a large result are never all alive next to the parsed
    // records (as fast as `all()`, a third less memory at 10⁶ forecasts).
    const stmt = where.length
      ? this.#prepare(`SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE ${where.join(' AND ')} ORDER BY f.event_seq`).pluck()
      : this.#s.allForecasts;
    const out: StoredForecast[] = [];
    for (const payload of stmt.iterate(...params) as IterableIterator<string>) out.push(JSON.parse(payload) as StoredForecast);
    return out;
  }

  listResolutions(filter: { questionId?: string; currentOnly?: boolean } = {}): StoredResolution[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.questionId) {
      where.push('r.question_id = ?');
      params.push(filter.questionId);
    }
    if (filter.currentOnly) where.push('r.event_seq = (SELECT resolution_seq FROM questions q WHERE q.id = r.question_id)');
    const sql = `SELECT e.payload, e.seq, e.recorded_at AS recordedAt, r.supersedes_seq AS supersedes
      FROM resolutions r JOIN events e ON e.seq = r.event_seq ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.event_seq`;
    return (this.#prepare(sql).all(...params) as { payload: string; seq: number; recordedAt: string; supersedes: number | null }[]).map((r) =>
      toResolution(r.payload, r.seq, r.recordedAt, r.supersedes),
    );
  }

  listUpdates(filter: { questionId?: string } = {}): QuestionUpdate[] {
    const rows = (filter.questionId === undefined ? this.#s.allUpdates.all() : this.#s.questionUpdates.all(filter.questionId)) as UpdateTuple[];
    return rows.map(toUpdate);
  }

  history(questionId: string): LedgerEvent[] {
    return (this.#s.history.all(questionId, questionId, questionId) as EventTuple[]).map(toEvent);
  }

  events(options: { afterSeq?: number; limit?: number } = {}): LedgerEvent[] {
    return (this.#s.events.all(options.afterSeq ?? 0, options.limit ?? -1) as EventTuple[]).map(toEvent);
  }

  counts(): RecordCounts {
    return this.#s.counts.get() as RecordCounts;
  }
}

/**
 * The reads of `reads` as a {@link LedgerReader} for one snapshot: they run at once (the snapshot
 * already holds the connection) and are refused once `end()` was called.
 *
 * @internal
 */
export function snapshotReads(reads: SqliteReads): { reader: LedgerReader; end: () => void } {
  let open = true;
  const run = <T>(fn: () => T): Promise<T> => {
    if (!open)
      return Promise.reject(new LedgerError('storage_error', 'read(): the snapshot has ended: use the reader only inside the function given to read()'));
    return settled(fn);
  };
  const reader: LedgerReader = {
    getSource: async (id) => run(() => reads.getSource(id)),
    listSources: async () => run(() => reads.listSources()),
    getForecaster: async (id) => run(() => reads.getForecaster(id)),
    listForecasters: async () => run(() => reads.listForecasters()),
    getQuestion: async (id) => run(() => reads.getQuestion(id)),
    listQuestions: async (filter) => run(() => reads.listQuestions(filter)),
    listForecasts: async (filter) => run(() => reads.listForecasts(filter)),
    listResolutions: async (filter) => run(() => reads.listResolutions(filter)),
    listUpdates: async (filter) => run(() => reads.listUpdates(filter)),
    history: async (questionId) => run(() => reads.history(questionId)),
    events: async (options) => run(() => reads.events(options)),
    counts: async () => run(() => reads.counts()),
  };
  return { reader, end: () => (open = false) };
}
