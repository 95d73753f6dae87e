/**
 * Every read of `LedgerStore` on PostgreSQL, with the same results in the same order as on SQLite
 * (ids sort in byte order: the schema's text columns use the "C" collation).
 *
 * @internal
 * @module
 */
import { pushAll } from '../../_internal/arrays.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionUpdate } from '../../model/question-update.js';
import type { Source } from '../../model/source.js';
import type { ForecastFilter, LedgerEvent, QuestionFilter, QuestionRecord, RecordCounts, StoredResolution } from '../types.js';
import type { EventRow } from '../../engine/storage-adapter.js';
import type { Queryable } from './pg-client.js';
import {
  EVENT_COLUMNS,
  QUESTION_SELECT,
  toEvent,
  toQuestionRecord,
  toResolution,
  toUpdate,
  UPDATE_COLUMNS,
  type QuestionRow,
  type UpdateRow,
} from './pg-rows.js';
import { PgScores, type ScoreTables } from './pg-scores.js';

/** A filtered query being built: conditions joined with AND, and their parameters as `$n`. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition; each `?` in it becomes the next `$n`, bound to the next of `values`. */
  add(condition: string, ...values: unknown[]): void {
    let i = 0;
    this.conditions.push(condition.replace(/\?/g, () => `$${this.params.length + ++i}`));
    pushAll(this.params, values);
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

const parse = <T>(rows: { payload: string }[]): T[] => rows.map((r) => JSON.parse(r.payload) as T);

const RESOLUTION_SELECT = `SELECT e.payload, e.seq, e.recorded_at AS "recordedAt", r.supersedes_seq AS supersedes
  FROM resolutions r JOIN events e ON e.seq = r.event_seq`;

const HISTORY = `SELECT ${EVENT_COLUMNS} FROM events
  WHERE (type IN ('question.added', 'resolution.recorded') AND entity_id = $1)
     OR seq IN (SELECT event_seq FROM forecasts WHERE question_id = $1)
     OR seq IN (SELECT event_seq FROM question_updates WHERE question_id = $1)
  ORDER BY seq`;

const COUNTS = `SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM forecasters) AS forecasters,
  (SELECT count(*) FROM questions) AS questions, (SELECT count(*) FROM forecasts) AS forecasts,
  (SELECT count(*) FROM resolutions) AS resolutions, (SELECT count(*) FROM question_updates) AS updates`;

/**
 * The reads of one ledger, over a pool (each read its own statement) or one client (inside a
 * snapshot, where several reads must agree).
 *
 * @internal
 */
export class PgReads {
  readonly #db: Queryable;
  /** The stored scores (issue 11), read on the same pool or client. */
  readonly scores: PgScores;

  constructor(db: Queryable, tables: ScoreTables) {
    this.#db = db;
    this.scores = new PgScores(db, tables);
  }

  async #rows<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.#db.query<R & Record<string, unknown>>(sql, params)).rows;
  }

  async getSource(id: string): Promise<Source | undefined> {
    return parse<Source>(await this.#rows('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq WHERE s.id = $1', [id]))[0];
  }

  async listSources(): Promise<Source[]> {
    return parse<Source>(await this.#rows('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq ORDER BY s.event_seq'));
  }

  async getForecaster(id: string): Promise<Forecaster | undefined> {
    return parse<Forecaster>(await this.#rows('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq WHERE f.id = $1', [id]))[0];
  }

  async listForecasters(): Promise<Forecaster[]> {
    return parse<Forecaster>(await this.#rows('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq ORDER BY f.event_seq'));
  }

  async getQuestion(id: string): Promise<QuestionRecord | undefined> {
    return (await this.#rows<QuestionRow>(`${QUESTION_SELECT} WHERE q.id = $1`, [id])).map(toQuestionRecord)[0];
  }

  async listQuestions(filter: QuestionFilter = {}): Promise<QuestionRecord[]> {
    const where = new Where();
    if (filter.status !== undefined) where.add('q.status = ANY(?::text[])', typeof filter.status === 'string' ? [filter.status] : [...new Set(filter.status)]);
    if (filter.dueBefore) where.add('q.resolve_on < ?', filter.dueBefore);
    if (filter.dueAfter) where.add('q.resolve_on >= ?', filter.dueAfter);
    if (filter.kind) where.add('q.kind = ?', filter.kind);
    if (filter.stance) where.add('q.stance = ?', filter.stance);
    if (filter.tag) where.add('EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag = ?)', filter.tag);
    if (filter.forecaster) where.add('q.id IN (SELECT f.question_id FROM forecasts f WHERE f.forecaster_id = ?)', filter.forecaster);
    const order = filter.order === 'recorded' ? 'q.event_seq' : 'q.resolve_on, q.id';
    return (await this.#rows<QuestionRow>(`${QUESTION_SELECT} ${where.toString()} ORDER BY ${order}`, where.params)).map(toQuestionRecord);
  }

  async listForecasts(filter: ForecastFilter = {}): Promise<StoredForecast[]> {
    const where = new Where();
    if (filter.questionId) where.add('f.question_id = ?', filter.questionId);
    if (filter.forecasterId) where.add('f.forecaster_id = ?', filter.forecasterId);
    if (filter.questionStatus) where.add('f.question_id IN (SELECT q.id FROM questions q WHERE q.status = ?)', filter.questionStatus);
    if (filter.withdrawn !== undefined) where.add(`${filter.withdrawn ? '' : 'NOT '}EXISTS (SELECT 1 FROM question_updates u WHERE u.forecast_id = f.id)`);
    const sql = `SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq ${where.toString()} ORDER BY f.event_seq`;
    return parse<StoredForecast>(await this.#rows(sql, where.params));
  }

  async listResolutions(filter: { questionId?: string; currentOnly?: boolean } = {}): Promise<StoredResolution[]> {
    const where = new Where();
    if (filter.questionId) where.add('r.question_id = ?', filter.questionId);
    if (filter.currentOnly) where.add('r.event_seq = (SELECT q.resolution_seq FROM questions q WHERE q.id = r.question_id)');
    const rows = await this.#rows<{ payload: string; seq: number; recordedAt: string; supersedes: number | null }>(
      `${RESOLUTION_SELECT} ${where.toString()} ORDER BY r.event_seq`,
      where.params,
    );
    return rows.map((r) => toResolution(r.payload, r.seq, r.recordedAt, r.supersedes));
  }

  async listUpdates(filter: { questionId?: string } = {}): Promise<QuestionUpdate[]> {
    const where = new Where();
    if (filter.questionId !== undefined) where.add('u.question_id = ?', filter.questionId);
    const sql = `SELECT ${UPDATE_COLUMNS} FROM question_updates u JOIN events e ON e.seq = u.event_seq ${where.toString()} ORDER BY u.event_seq`;
    return (await this.#rows<UpdateRow>(sql, where.params)).map(toUpdate);
  }

  async history(questionId: string): Promise<LedgerEvent[]> {
    return (await this.#rows<EventRow>(HISTORY, [questionId])).map(toEvent);
  }

  async events(options: { afterSeq?: number; limit?: number } = {}): Promise<LedgerEvent[]> {
    // LIMIT NULL is no limit, as SQLite's LIMIT -1.
    const limit = options.limit === undefined || options.limit < 0 ? null : options.limit;
    return (await this.#rows<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`, [options.afterSeq ?? 0, limit])).map(
      toEvent,
    );
  }

  async counts(): Promise<RecordCounts> {
    return (await this.#rows<RecordCounts>(COUNTS))[0]!;
  }
}
