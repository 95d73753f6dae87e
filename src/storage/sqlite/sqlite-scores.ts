/**
 * The stored scores on SQLite (issue 11): reading the committed state a rescore needs, writing the
 * rows the engine computed, and the reads of the leaderboard and scorecards.
 *
 * @remarks
 * Statements are prepared on first use: a database opened with `migrate: false` before migration
 * 0004 has no score tables, and only its writes and score reads need them.
 *
 * @internal
 * @module
 */
import type Database from 'better-sqlite3';
import type { ScoresRequest, ScoringFacts } from '../../engine/storage-adapter.js';
import { amendmentsByQuestion, currentRecords } from '../../core/question-revision.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionRecord } from '../../model/question-record.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { QuestionAmendment } from '../../model/question-update.js';
import type { ScoringForecast } from '../../scoring/load-scoring-data.js';
import type { ForecasterTotalsRow, QuestionScoreRow } from '../../scoring/stored/stored-rows.js';
import type { StoredScorecardParts } from '../ledger-store.js';
import { QUESTION_SELECT, toQuestionRecord, toUpdate, type QuestionRow, type UpdateTuple } from './sqlite-rows.js';
import { toScoringForecast, type ScoringForecastRow } from '../stored-records.js';

const SCORE_COLUMNS = `question_id AS questionId, forecaster_id AS forecasterId, section, verdict, brier, log_loss AS logLoss,
  peer_score AS peerScore, relative_brier AS relativeBrier, detail`;
/** The columns of a {@link ForecasterTotalsRow}, in {@link TotalsTuple} order. */
const TOTALS_COLUMNS = `forecaster_id AS forecasterId, hits, misses, no_calls AS noCalls, binary, relative_questions AS relativeQuestions,
  brier_sum AS brier, log_loss_sum AS logLoss, peer_score_sum AS peerScore, relative_brier_sum AS relativeBrier`;
/** Every forecast with its withdrawal's recording time, if withdrawn (scoring counts it until then); add `WHERE`/`ORDER BY`. */
const FORECAST_SELECT = `SELECT e.payload, (SELECT we.recorded_at FROM question_updates u JOIN events we ON we.seq = u.event_seq WHERE u.forecast_id = f.id)
  AS withdrawnAt FROM forecasts f JOIN events e ON e.seq = f.event_seq`;

/** A row of {@link TOTALS_COLUMNS} as read with `.raw()`: a tuple is read a third faster than an object with named keys. */
type TotalsTuple = [string, number, number, number, number, number, string, string, string, string];

/** A {@link TotalsTuple} as its row. */
function toTotalsRowObject([
  forecasterId,
  hits,
  misses,
  noCalls,
  binary,
  relativeQuestions,
  brier,
  logLoss,
  peerScore,
  relativeBrier,
]: TotalsTuple): ForecasterTotalsRow {
  return { forecasterId, hits, misses, noCalls, binary, relativeQuestions, brier, logLoss, peerScore, relativeBrier };
}

function prepareScoreStatements(db: Database.Database) {
  return {
    resolvedRecords: db.prepare(`${QUESTION_SELECT} WHERE q.status = 'resolved' ORDER BY q.event_seq`),
    resolvedForecasts: db.prepare(`${FORECAST_SELECT} WHERE +f.question_id IN (SELECT q.id FROM questions q WHERE q.status = 'resolved') ORDER BY f.event_seq`),
    // The amendments of some questions (a due-date amendment moves the close scoring uses), in recorded order.
    amendments: db
      .prepare(
        `SELECT e.payload FROM question_updates u JOIN events e ON e.seq = u.event_seq
        WHERE u.type = 'question.amended' AND u.question_id IN (SELECT value FROM json_each(?)) ORDER BY u.event_seq`,
      )
      .pluck(),
    aggregates: db
      .prepare(
        `SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq WHERE json_type(e.payload, '$.aggregate') IS NOT NULL ORDER BY f.event_seq`,
      )
      .pluck(),
    allRows: db.prepare(`SELECT ${SCORE_COLUMNS} FROM question_scores`),
    forecasterRows: db.prepare(`SELECT ${SCORE_COLUMNS} FROM question_scores WHERE forecaster_id = ?`),
    totals: db.prepare(`SELECT ${TOTALS_COLUMNS} FROM forecaster_scores WHERE forecaster_id = ?`),
    allTotals: db.prepare(`SELECT ${TOTALS_COLUMNS} FROM forecaster_scores ORDER BY forecaster_id`).raw(),
    // One forecaster's part of the ledger for a stored scorecard: the columns of their rows a scorecard shows, each
    // question they made a claim on and its updates in one read rather than one per question. The forecasts_forecaster_cover
    // index (migration 0005) gives their forecasts in recorded order and the questions' ids without reading the forecasts table.
    scorecardRows: db.prepare('SELECT question_id, detail FROM question_scores WHERE forecaster_id = ?').raw(),
    forecasterQuestions: db.prepare(`${QUESTION_SELECT} WHERE q.id IN (SELECT f.question_id FROM forecasts f WHERE f.forecaster_id = ?) ORDER BY q.event_seq`),
    forecasterForecasts: db
      .prepare('SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE f.forecaster_id = ? ORDER BY f.event_seq')
      .pluck(),
    forecasterUpdates: db
      .prepare(
        `SELECT e.type, e.payload, e.recorded_at FROM question_updates u JOIN events e ON e.seq = u.event_seq
        WHERE u.question_id IN (SELECT f.question_id FROM forecasts f WHERE f.forecaster_id = ?) ORDER BY u.event_seq`,
      )
      .raw(),
    // The last event: history is append-only and numbered without gaps, so the same head means the same ledger.
    head: db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck(),
    deleteRows: db.prepare('DELETE FROM question_scores WHERE question_id = ?'),
    insertRow: db.prepare(`INSERT INTO question_scores (question_id, forecaster_id, section, verdict, brier, log_loss, peer_score, relative_brier, detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    // Updated in place when the forecaster has totals (INSERT OR REPLACE would delete the row and insert it again).
    upsertTotals: db.prepare(`INSERT INTO forecaster_scores
      (forecaster_id, hits, misses, no_calls, binary, relative_questions, brier_sum, log_loss_sum, peer_score_sum, relative_brier_sum)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (forecaster_id) DO UPDATE SET hits = excluded.hits, misses = excluded.misses,
      no_calls = excluded.no_calls, binary = excluded.binary, relative_questions = excluded.relative_questions, brier_sum = excluded.brier_sum,
      log_loss_sum = excluded.log_loss_sum, peer_score_sum = excluded.peer_score_sum, relative_brier_sum = excluded.relative_brier_sum`),
    filled: db.prepare('SELECT filled FROM stored_scores_state WHERE id = 1').pluck(),
    setFilled: db.prepare('UPDATE stored_scores_state SET filled = 1 WHERE id = 1'),
    clear: db.prepare('DELETE FROM question_scores'),
    clearTotals: db.prepare('DELETE FROM forecaster_scores'),
    // Over every resolution, superseded ones too (through resolutions_resolved_on: one index probe); a
    // later superseded date only sends a read to the computed path.
    resolvedIds: db.prepare("SELECT id FROM questions WHERE status = 'resolved' ORDER BY event_seq").pluck(),
    pageRecords: db.prepare(`${QUESTION_SELECT} WHERE q.id IN (SELECT value FROM json_each(?)) ORDER BY q.event_seq`),
    pageForecasts: db.prepare(`${FORECAST_SELECT} WHERE f.question_id IN (SELECT value FROM json_each(?)) ORDER BY f.event_seq`),
    pageRows: db.prepare(`SELECT ${SCORE_COLUMNS} FROM question_scores WHERE question_id IN (SELECT value FROM json_each(?))`),
    strayRows: db.prepare(`SELECT ${SCORE_COLUMNS} FROM question_scores WHERE question_id NOT IN (SELECT id FROM questions WHERE status = 'resolved')`),
    latestResolvedOn: db.prepare('SELECT max(resolved_on) FROM resolutions').pluck(),
    lastForecasterSeq: db.prepare('SELECT max(event_seq) FROM forecasters').pluck(),
  };
}

/**
 * The score tables of one SQLite connection; every method runs synchronously inside the caller's transaction.
 *
 * @internal
 */
export class SqliteScores {
  readonly #db: Database.Database;
  #statements: ReturnType<typeof prepareScoreStatements> | undefined;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  get #s(): ReturnType<typeof prepareScoreStatements> {
    return (this.#statements ??= prepareScoreStatements(this.#db));
  }

  /** The state a {@link ScoresRequest} asks for, as the write transaction sees it: one read per kind of fact. */
  load(request: ScoresRequest): ScoringFacts {
    const s = this.#s;
    const records = request.allResolved ? (s.resolvedRecords.all() as QuestionRow[]).map(toQuestionRecord) : [];
    const forecasts: ScoringForecast[] = request.allResolved ? (s.resolvedForecasts.all() as ScoringForecastRow[]).map(toScoringForecast) : [];
    const rows: QuestionScoreRow[] = request.allResolved ? (s.allRows.all() as QuestionScoreRow[]) : [];
    const listed = new Set(records.map((r) => r.question.id));
    const more = [...request.questions].filter((id) => !listed.has(id));
    if (more.length) {
      const list = JSON.stringify(more);
      for (const row of s.pageRecords.iterate(list) as IterableIterator<QuestionRow>) records.push(toQuestionRecord(row));
      for (const row of s.pageForecasts.iterate(list) as IterableIterator<ScoringForecastRow>) forecasts.push(toScoringForecast(row));
      for (const row of s.pageRows.iterate(list) as IterableIterator<QuestionScoreRow>) rows.push(row);
    }
    const aggregates = this.#aggregates();
    const ids = new Set(request.forecasters);
    for (const r of rows) ids.add(r.forecasterId);
    for (const f of forecasts) ids.add(f.forecasterId);
    for (const a of aggregates) ids.add(a.id);
    const totals = new Map<string, ForecasterTotalsRow>();
    for (const id of ids) {
      const t = s.totals.get(id) as ForecasterTotalsRow | undefined;
      if (t) totals.set(id, t);
    }
    return { records: this.#current(records), forecasts, aggregates, rows, totals };
  }

  /** The records with each question's current revision (its amendments applied), as scoring reads them. */
  #current(records: QuestionRecord[]): QuestionRecord[] {
    if (!records.length) return records;
    const payloads = this.#s.amendments.all(JSON.stringify(records.map((r) => r.question.id))) as string[];
    if (!payloads.length) return records;
    return currentRecords(records, amendmentsByQuestion(payloads.map((p) => ({ type: 'question.amended', record: JSON.parse(p) as QuestionAmendment }))));
  }

  /** The aggregate forecasters, read again only when a forecaster was added (forecasters are never changed or removed). */
  #aggregateCache: { seq: number | null; list: Forecaster[] } | undefined;

  #aggregates(): Forecaster[] {
    const s = this.#s;
    const seq = s.lastForecasterSeq.get() as number | null;
    if (this.#aggregateCache?.seq !== seq) this.#aggregateCache = { seq, list: (s.aggregates.all() as string[]).map((p) => JSON.parse(p) as Forecaster) };
    return this.#aggregateCache.list;
  }

  /** Replaces a question's rows; `replaces` false: it had none (the delete would find nothing, so it is skipped). */
  replaceQuestion(questionId: string, rows: readonly QuestionScoreRow[], replaces: boolean): void {
    if (replaces) this.#s.deleteRows.run(questionId);
    this.#insert(rows);
  }

  /** Inserts rows, binding by position (binding an object by name costs a property lookup per parameter). */
  #insert(rows: readonly QuestionScoreRow[]): void {
    const insert = this.#s.insertRow;
    for (const r of rows) insert.run(r.questionId, r.forecasterId, r.section, r.verdict, r.brier, r.logLoss, r.peerScore, r.relativeBrier, r.detail);
  }

  /** Writes a forecaster's totals, bound by position. */
  writeTotals(r: ForecasterTotalsRow): void {
    this.#s.upsertTotals.run(r.forecasterId, r.hits, r.misses, r.noCalls, r.binary, r.relativeQuestions, r.brier, r.logLoss, r.peerScore, r.relativeBrier);
  }

  /** Whether the tables hold the scores of the whole ledger (see migration 0004); false before that migration. */
  filled(): boolean {
    if (!this.hasTables()) return false;
    return this.#s.filled.get() === 1;
  }

  /** Replaces every row and total (the fill after migration 0004), and marks the tables filled. */
  fill(rows: readonly QuestionScoreRow[], totals: readonly ForecasterTotalsRow[]): void {
    const s = this.#s;
    s.clear.run();
    s.clearTotals.run();
    this.#insert(rows);
    for (const row of totals) this.writeTotals(row);
    s.setFilled.run();
  }

  /** Every stored total, by forecaster id. */
  allTotals(): ForecasterTotalsRow[] {
    return (this.#s.allTotals.all() as TotalsTuple[]).map(toTotalsRowObject);
  }

  /** The seq of the last event (0 for an empty ledger): unchanged, the ledger is unchanged (history is append-only). */
  head(): number {
    return this.#s.head.get() as number;
  }

  /**
   * One forecaster's part of the ledger for a stored scorecard, in four reads: their stored rows (the columns a scorecard shows), the questions
   * they made a claim on (as recorded, recorded order, current resolutions), their forecasts and those
   * questions' updates (recorded order).
   */
  forecasterPart(forecasterId: string): StoredScorecardParts {
    const s = this.#s;
    return {
      rows: (s.scorecardRows.all(forecasterId) as [questionId: string, detail: string][]).map(([questionId, detail]) => ({ questionId, detail })),
      questions: (s.forecasterQuestions.all(forecasterId) as QuestionRow[]).map(toQuestionRecord),
      forecasts: (s.forecasterForecasts.all(forecasterId) as string[]).map((payload) => JSON.parse(payload) as StoredForecast),
      updates: (s.forecasterUpdates.all(forecasterId) as UpdateTuple[]).map(toUpdate),
    };
  }

  /** Every stored row. */
  allRows(): QuestionScoreRow[] {
    return this.#s.allRows.all() as QuestionScoreRow[];
  }

  /** The resolved questions' ids, in recorded order. */
  resolvedQuestionIds(): string[] {
    return this.#s.resolvedIds.all() as string[];
  }

  /** Some questions' records (current revisions), forecasts (recorded order, withdrawn ones with `withdrawnAt`) and stored rows. */
  page(ids: readonly string[]): { questions: QuestionRecord[]; forecasts: ScoringForecast[]; rows: QuestionScoreRow[] } {
    const s = this.#s;
    const list = JSON.stringify(ids);
    return {
      questions: this.#current((s.pageRecords.all(list) as QuestionRow[]).map(toQuestionRecord)),
      forecasts: (s.pageForecasts.all(list) as ScoringForecastRow[]).map(toScoringForecast),
      rows: s.pageRows.all(list) as QuestionScoreRow[],
    };
  }

  /** Stored rows of questions that are not resolved. */
  strayRows(): QuestionScoreRow[] {
    return this.#s.strayRows.all() as QuestionScoreRow[];
  }

  /** One forecaster's stored rows. */
  forecasterRows(forecasterId: string): QuestionScoreRow[] {
    return this.#s.forecasterRows.all(forecasterId) as QuestionScoreRow[];
  }

  /** The latest `resolvedOn` of a current resolution. */
  latestResolvedOn(): string | undefined {
    return (this.#s.latestResolvedOn.get() as string | null) ?? undefined;
  }

  #tables = false;

  /** Whether migration 0004 created the score tables (remembered once true: tables are never dropped). */
  hasTables(): boolean {
    return (this.#tables ||= this.#db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stored_scores_state'").get() !== undefined);
  }
}
