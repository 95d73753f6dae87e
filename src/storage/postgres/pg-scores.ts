/**
 * The stored scores on PostgreSQL (issue 11, migration 0002): reading the committed state a rescore
 * needs, writing the rows the engine computed, the reads of the leaderboard and scorecards, the
 * pages `verify()` recomputes, and the fill of a ledger migrated with resolutions already in it.
 * The same rows as SQLite's `sqlite-scores.ts`, each read one query for any number of ids
 * (`= ANY($1::text[])`).
 *
 * @internal
 * @module
 */
import { amendmentsByQuestion, currentRecords } from '../../core/question-revision.js';
import type { ScoresRequest, ScoringFacts } from '../../engine/storage-adapter.js';
import type { StoredScoresPage } from '../../engine/verify-scores.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { QuestionRecord } from '../../model/question-record.js';
import type { QuestionAmendment } from '../../model/question-update.js';
import type { ScoringForecast } from '../../scoring/load-scoring-data.js';
import { toScoreRow, toTotalsRow, type ForecasterTotalsRow, type QuestionScoreRow, type ScorecardScoreRow } from '../../scoring/stored/stored-rows.js';
import { scoreLedger, totalsOf } from '../../scoring/stored/stored-scores.js';
import type { StoredScorecardParts, StoredScoreTotals } from '../ledger-store.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Queryable } from './pg-client.js';
import { QUESTION_COLUMNS, QUESTION_FROM, QUESTION_SELECT, toQuestionRecord, toUpdate, UPDATE_COLUMNS, type QuestionRow, type UpdateRow } from './pg-rows.js';
import { toScoringForecast, type ScoringForecastRow } from '../stored-records.js';

/** Rows per INSERT statement. */
const CHUNK = 5000;

const SCORE_COLUMNS = `question_id AS "questionId", forecaster_id AS "forecasterId", section, verdict, brier, log_loss AS "logLoss",
  peer_score AS "peerScore", relative_brier AS "relativeBrier", detail`;
const TOTALS_COLUMNS = `forecaster_id AS "forecasterId", hits, misses, no_calls AS "noCalls", "binary", relative_questions AS "relativeQuestions",
  brier_sum AS brier, log_loss_sum AS "logLoss", peer_score_sum AS "peerScore", relative_brier_sum AS "relativeBrier"`;

// Over every resolution, superseded ones too (one probe of resolutions_resolved_on): a later superseded date only sends a read
// to the computed path.
const LATEST_RESOLVED_ON = '(SELECT max(resolved_on) FROM resolutions) AS "latestResolvedOn"';
const HEAD = '(SELECT coalesce(max(seq), 0) FROM events) AS head';

// Each question with whether it has an amendment (one probe of question_updates_question each), so that the amendments are
// read only when there are some: most writes that rescore have none, and save that round trip.
const RECORD_SELECT = `SELECT ${QUESTION_COLUMNS},
    EXISTS (SELECT 1 FROM question_updates a WHERE a.question_id = q.id AND a.type = 'question.amended') AS amended
  ${QUESTION_FROM}`;

/** A question read with {@link RECORD_SELECT}. */
type RecordRow = QuestionRow & { amended: boolean };

const SQL = {
  records: `${RECORD_SELECT} WHERE q.id = ANY($1::text[]) ORDER BY q.event_seq`,
  recordsAndResolved: `${RECORD_SELECT} WHERE q.status = 'resolved' OR q.id = ANY($1::text[]) ORDER BY q.event_seq`,
  // Every forecast on the questions, with its withdrawal's recording time if withdrawn (scoring counts it until then; a
  // forecast is withdrawn at most once: question_updates_withdrawn).
  forecasts: `SELECT e.payload, we.recorded_at AS "withdrawnAt" FROM forecasts f JOIN events e ON e.seq = f.event_seq
    LEFT JOIN question_updates u ON u.forecast_id = f.id LEFT JOIN events we ON we.seq = u.event_seq
    WHERE f.question_id = ANY($1::text[]) ORDER BY f.event_seq`,
  // The amendments of the questions (a due-date amendment moves the close scoring uses), in recorded order.
  amendments: `SELECT e.payload FROM question_updates u JOIN events e ON e.seq = u.event_seq
    WHERE u.type = 'question.amended' AND u.question_id = ANY($1::text[]) ORDER BY u.event_seq`,
  // The aggregate forecasters (their payloads, recorded order) and the totals of the forecasters named in $1 and of the
  // aggregates, in one statement. The forecasters' payloads first (MATERIALIZED): with the test inside the join, the
  // planner walks every event and parses each payload as jsonb, 0.07 s at 23,000 events on every write that rescores.
  aggregatesAndTotals: `WITH f AS MATERIALIZED (SELECT f.id, f.event_seq, e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq),
      a AS (SELECT id, event_seq, payload FROM f WHERE (payload::jsonb -> 'aggregate') IS NOT NULL)
    SELECT (SELECT coalesce(json_agg(a.payload ORDER BY a.event_seq), '[]') FROM a) AS aggregates,
      (SELECT coalesce(json_agg(t), '[]') FROM (SELECT ${TOTALS_COLUMNS} FROM forecaster_scores
        WHERE forecaster_id = ANY($1::text[]) OR forecaster_id IN (SELECT id FROM a)) t) AS totals`,
  rows: `SELECT ${SCORE_COLUMNS} FROM question_scores WHERE question_id = ANY($1::text[])`,
  forecasterRows: `SELECT ${SCORE_COLUMNS} FROM question_scores WHERE forecaster_id = $1`,
  strayRows: `SELECT ${SCORE_COLUMNS} FROM question_scores WHERE question_id NOT IN (SELECT id FROM questions WHERE status = 'resolved')`,
  allTotals: `SELECT ${TOTALS_COLUMNS} FROM forecaster_scores ORDER BY forecaster_id`,
  resolvedIds: "SELECT id FROM questions WHERE status = 'resolved' ORDER BY event_seq",
  state: `SELECT filled, ${LATEST_RESOLVED_ON} FROM stored_scores_state WHERE id = 1`,
  // The head (the seq of the last event, 0 for an empty ledger): unchanged, the ledger is unchanged (history is append-only).
  stateAndHead: `SELECT filled, ${LATEST_RESOLVED_ON}, ${HEAD} FROM stored_scores_state WHERE id = 1`,
  // The totals with the head and latest date they stand at, in one statement: one snapshot even on the pool (READ COMMITTED).
  totalsAndHead: `SELECT filled, ${LATEST_RESOLVED_ON}, ${HEAD},
    (SELECT coalesce(json_agg(t ORDER BY t."forecasterId"), '[]') FROM (SELECT ${TOTALS_COLUMNS} FROM forecaster_scores) t) AS totals
    FROM stored_scores_state WHERE id = 1`,
  // One forecaster's part of the ledger for a stored scorecard (see PgScores.scorecardParts).
  scorecardRows: 'SELECT question_id AS "questionId", detail FROM question_scores WHERE forecaster_id = $1',
  forecasterQuestions: `${QUESTION_SELECT} WHERE q.id IN (SELECT f.question_id FROM forecasts f WHERE f.forecaster_id = $1) ORDER BY q.event_seq`,
  forecasterForecasts: 'SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE f.forecaster_id = $1 ORDER BY f.event_seq',
  forecasterUpdates: `SELECT ${UPDATE_COLUMNS} FROM question_updates u JOIN events e ON e.seq = u.event_seq
    WHERE u.question_id IN (SELECT f.question_id FROM forecasts f WHERE f.forecaster_id = $1) ORDER BY u.event_seq`,
  hasTables: "SELECT to_regclass('stored_scores_state') IS NOT NULL AS found",
  deleteRows: 'DELETE FROM question_scores WHERE question_id = ANY($1::text[])',
  insertRows: `INSERT INTO question_scores (question_id, forecaster_id, section, verdict, brier, log_loss, peer_score, relative_brier, detail)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::text[])`,
  upsertTotals: `INSERT INTO forecaster_scores
      (forecaster_id, hits, misses, no_calls, "binary", relative_questions, brier_sum, log_loss_sum, peer_score_sum, relative_brier_sum)
    SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
    ON CONFLICT (forecaster_id) DO UPDATE SET hits = excluded.hits, misses = excluded.misses, no_calls = excluded.no_calls, "binary" = excluded."binary",
      relative_questions = excluded.relative_questions, brier_sum = excluded.brier_sum, log_loss_sum = excluded.log_loss_sum,
      peer_score_sum = excluded.peer_score_sum, relative_brier_sum = excluded.relative_brier_sum`,
  clear: 'DELETE FROM question_scores',
  clearTotals: 'DELETE FROM forecaster_scores',
  setFilled: 'UPDATE stored_scores_state SET filled = true WHERE id = 1',
  forecasters: 'SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq ORDER BY f.event_seq',
};

/**
 * The rows and the totals of a write in one statement (different tables: neither part reads the other's rows; a data-modifying
 * `WITH` runs to completion unread); the upsert's parameters follow the insert's nine.
 */
const INSERT_ROWS_AND_TOTALS = `WITH totals AS (${SQL.upsertTotals.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 9}`)}) ${SQL.insertRows}`;

/** The parameters of {@link SQL.insertRows}: one array per column. */
function rowColumns(rows: readonly QuestionScoreRow[]): unknown[][] {
  return [
    rows.map((r) => r.questionId),
    rows.map((r) => r.forecasterId),
    rows.map((r) => r.section),
    rows.map((r) => r.verdict),
    rows.map((r) => r.brier),
    rows.map((r) => r.logLoss),
    rows.map((r) => r.peerScore),
    rows.map((r) => r.relativeBrier),
    rows.map((r) => r.detail),
  ];
}

/** The parameters of {@link SQL.upsertTotals}: one array per column. */
function totalsColumns(rows: readonly ForecasterTotalsRow[]): unknown[][] {
  return [
    rows.map((r) => r.forecasterId),
    rows.map((r) => r.hits),
    rows.map((r) => r.misses),
    rows.map((r) => r.noCalls),
    rows.map((r) => r.binary),
    rows.map((r) => r.relativeQuestions),
    rows.map((r) => r.brier),
    rows.map((r) => r.logLoss),
    rows.map((r) => r.peerScore),
    rows.map((r) => r.relativeBrier),
  ];
}

/** The last row for each forecaster: one statement may not update a row twice. */
const latestTotals = (totals: readonly ForecasterTotalsRow[]): ForecasterTotalsRow[] => [...new Map(totals.map((t) => [t.forecasterId, t])).values()];

/**
 * Whether migration 0002 created the score tables in a ledger's schema, shared by every connection
 * of one store: remembered once true (the tables are never dropped).
 *
 * @internal
 */
export class ScoreTables {
  #found = false;
  /**
   * The last totals read through any connection of the store, and the head they stand at: handed back, the very same
   * object, while the head read in the caller's snapshot is unchanged (see `StoredScoreTotals`).
   */
  kept: { head: number; totals: StoredScoreTotals } | undefined;

  async exist(db: Queryable): Promise<boolean> {
    return (this.#found ||= (await db.query<{ found: boolean }>(SQL.hasTables)).rows[0]!.found);
  }
}

/**
 * The score tables through one connection or pool; inside a transaction, every method runs on its
 * connection, in it.
 *
 * @internal
 */
export class PgScores {
  readonly #db: Queryable;
  readonly #tables: ScoreTables;

  constructor(db: Queryable, tables: ScoreTables) {
    this.#db = db;
    this.#tables = tables;
  }

  async #rows<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.#db.query<R & Record<string, unknown>>(sql, params)).rows;
  }

  /** The committed state a {@link ScoresRequest} asks for. */
  async load(request: ScoresRequest): Promise<ScoringFacts> {
    const asked = [...request.questions];
    const found = await this.#rows<RecordRow>(request.allResolved ? SQL.recordsAndResolved : SQL.records, [asked]);
    const records = found.map(toQuestionRecord);
    const ids = records.map((r) => r.question.id);
    const forecasts = ids.length ? (await this.#rows<ScoringForecastRow>(SQL.forecasts, [ids])).map(toScoringForecast) : [];
    const rows = ids.length ? await this.#rows<QuestionScoreRow>(SQL.rows, [ids]) : [];
    const wanted = new Set(request.forecasters);
    for (const r of rows) wanted.add(r.forecasterId);
    for (const f of forecasts) wanted.add(f.forecasterId);
    // The aggregates' totals are read with them (one round trip); totals hold only integers and text, exact through JSON.
    type Both = { aggregates: string[]; totals: ForecasterTotalsRow[] };
    const both = (await this.#rows<Both>(SQL.aggregatesAndTotals, [[...wanted]]))[0]!;
    const aggregates = both.aggregates.map((payload) => JSON.parse(payload) as Forecaster);
    const totals = new Map(both.totals.map((t) => [t.forecasterId, t]));
    return { records: await this.#current(records, found), forecasts, aggregates, rows, totals };
  }

  /** The records with each question's current revision (its amendments applied), as scoring reads them; `found[i]` read `records[i]`. */
  async #current(records: QuestionRecord[], found: readonly RecordRow[]): Promise<QuestionRecord[]> {
    const amended = records.filter((_, i) => found[i]!.amended).map((r) => r.question.id);
    if (!amended.length) return records;
    const payloads = await this.#rows<{ payload: string }>(SQL.amendments, [amended]);
    if (!payloads.length) return records;
    return currentRecords(
      records,
      amendmentsByQuestion(payloads.map((p) => ({ type: 'question.amended', record: JSON.parse(p.payload) as QuestionAmendment }))),
    );
  }

  /**
   * Writes the scores a write computed: replaces the rows of each question in `replaced` (a later entry for one question
   * wins, as if applied in order) and writes the forecasters' `totals` (a later row for one forecaster wins). When both
   * fit one chunk, the rows and the totals go in one statement (the upsert in a `WITH`): one round trip fewer.
   */
  async writeScores(
    replaced: readonly { questionId: string; rows: readonly QuestionScoreRow[]; replaces: boolean }[],
    totals: readonly ForecasterTotalsRow[],
  ): Promise<void> {
    const latest = new Map(replaced.map((r) => [r.questionId, r.rows]));
    // Only questions that had rows when the write read them: a first resolution needs no DELETE (one round trip fewer).
    const stale = [...new Set(replaced.filter((r) => r.replaces).map((r) => r.questionId))];
    if (stale.length) await this.#db.query(SQL.deleteRows, [stale]);
    const rows = [...latest.values()].flat();
    const totalRows = latestTotals(totals);
    if (rows.length && totalRows.length && rows.length <= CHUNK && totalRows.length <= CHUNK) {
      await this.#db.query(INSERT_ROWS_AND_TOTALS, [...rowColumns(rows), ...totalsColumns(totalRows)]);
      return;
    }
    await this.#insertRows(rows);
    await this.writeTotals(totalRows);
  }

  async #insertRows(rows: readonly QuestionScoreRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.#db.query(SQL.insertRows, rowColumns(rows.slice(i, i + CHUNK)));
  }

  /** Writes forecasters' totals (a later row for one forecaster wins: one statement may not update a row twice). */
  async writeTotals(totals: readonly ForecasterTotalsRow[]): Promise<void> {
    const rows = latestTotals(totals);
    for (let i = 0; i < rows.length; i += CHUNK) await this.#db.query(SQL.upsertTotals, totalsColumns(rows.slice(i, i + CHUNK)));
  }

  /** `filled` and the latest `resolvedOn` of any resolution; `undefined` before migration 0002. */
  async #state(): Promise<{ filled: boolean; latestResolvedOn: string | null } | undefined> {
    if (!(await this.#tables.exist(this.#db))) return undefined;
    return (await this.#rows<{ filled: boolean; latestResolvedOn: string | null }>(SQL.state))[0];
  }

  /** Whether the tables hold the scores of the whole ledger (see migration 0002); false before that migration. */
  async filled(): Promise<boolean> {
    return (await this.#state())?.filled === true;
  }

  /**
   * The totals the leaderboard reads, when the tables are filled: the very same object as last time while the ledger's
   * head is unchanged, whichever connection or process wrote last (one query reads the head; the totals are read again
   * only once it moved, with the head they stand at in the same statement).
   */
  async storedTotals(): Promise<StoredScoreTotals | undefined> {
    if (!(await this.#tables.exist(this.#db))) return undefined;
    const state = (await this.#rows<{ filled: boolean; head: number }>(SQL.stateAndHead))[0];
    if (!state?.filled) return undefined;
    const kept = this.#tables.kept;
    if (kept?.head === state.head) return kept.totals;
    type Fresh = { filled: boolean; latestResolvedOn: string | null; head: number; totals: ForecasterTotalsRow[] };
    const fresh = (await this.#rows<Fresh>(SQL.totalsAndHead))[0];
    if (!fresh?.filled) return undefined;
    const totals: StoredScoreTotals = Object.freeze({ totals: Object.freeze(fresh.totals), latestResolvedOn: fresh.latestResolvedOn ?? undefined });
    this.#tables.kept = { head: fresh.head, totals };
    return totals;
  }

  /**
   * One forecaster's part of the ledger for a stored scorecard, when the tables are filled, in four reads: their stored
   * rows (the columns a scorecard shows), the questions they made a claim on (as recorded, recorded order, current resolutions), their forecasts and
   * those questions' updates (recorded order). Run it in one snapshot: the reads must agree.
   */
  async scorecardParts(forecasterId: string): Promise<StoredScorecardParts | undefined> {
    if (!(await this.filled())) return undefined;
    return {
      rows: await this.#rows<ScorecardScoreRow>(SQL.scorecardRows, [forecasterId]),
      questions: (await this.#rows<QuestionRow>(SQL.forecasterQuestions, [forecasterId])).map(toQuestionRecord),
      forecasts: (await this.#rows<{ payload: string }>(SQL.forecasterForecasts, [forecasterId])).map((r) => JSON.parse(r.payload) as StoredForecast),
      updates: (await this.#rows<UpdateRow>(SQL.forecasterUpdates, [forecasterId])).map(toUpdate),
    };
  }

  /** One forecaster's stored rows, when the tables are filled. */
  async storedRows(forecasterId: string): Promise<QuestionScoreRow[] | undefined> {
    if (!(await this.filled())) return undefined;
    return this.#rows<QuestionScoreRow>(SQL.forecasterRows, [forecasterId]);
  }

  /** Every stored total, by forecaster id. */
  async allTotals(): Promise<ForecasterTotalsRow[]> {
    return this.#rows<ForecasterTotalsRow>(SQL.allTotals);
  }

  /** The resolved questions' ids, in recorded order. */
  async resolvedQuestionIds(): Promise<string[]> {
    return (await this.#rows<{ id: string }>(SQL.resolvedIds)).map((r) => r.id);
  }

  /** Some questions' records (current revisions), forecasts (recorded order, withdrawn ones with `withdrawnAt`) and stored rows. */
  async page(ids: readonly string[]): Promise<StoredScoresPage & { forecasts: ScoringForecast[] }> {
    const list = [...ids];
    const found = await this.#rows<RecordRow>(SQL.records, [list]);
    return {
      questions: await this.#current(found.map(toQuestionRecord), found),
      forecasts: (await this.#rows<ScoringForecastRow>(SQL.forecasts, [list])).map(toScoringForecast),
      rows: await this.#rows<QuestionScoreRow>(SQL.rows, [list]),
    };
  }

  /** Stored rows of questions that are not resolved. */
  async strayRows(): Promise<QuestionScoreRow[]> {
    return this.#rows<QuestionScoreRow>(SQL.strayRows);
  }

  /** Every forecaster, in recorded order. */
  async forecasters(): Promise<Forecaster[]> {
    return (await this.#rows<{ payload: string }>(SQL.forecasters)).map((r) => JSON.parse(r.payload) as Forecaster);
  }

  /**
   * Fills the tables from the records when they are not filled: every resolved question scored, every
   * row and total replaced, `filled` set. Run inside a transaction that holds the ledger's locks, so
   * `filled` read here is the truth until it commits. Idempotent.
   *
   * @returns whether it filled them
   */
  async fillIfNeeded(): Promise<boolean> {
    const state = await this.#state();
    if (!state || state.filled) return false;
    // Only resolved questions have scores: the rest of the ledger is not loaded.
    const { questions, forecasts } = await this.page(await this.resolvedQuestionIds());
    const scores = scoreLedger({ forecasters: await this.forecasters(), questions, forecasts });
    await this.#db.query(SQL.clear);
    await this.#db.query(SQL.clearTotals);
    await this.#insertRows(scores.map(toScoreRow));
    await this.writeTotals([...totalsOf(scores)].map(([id, t]) => toTotalsRow(id, t)));
    await this.#db.query(SQL.setFilled);
    return true;
  }
}
