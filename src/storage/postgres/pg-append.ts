/**
 * `append` on PostgreSQL: a batch's events and projection rows in a few statements, each inserting
 * many rows from arrays (`INSERT … SELECT * FROM unnest($1::bigint[], …)`), in chunks so one
 * statement's parameters stay a bounded size.
 *
 * @internal
 * @module
 */
import type { EventRow, ProjectionRow } from '../../engine/storage-adapter.js';
import type { Queryable } from './pg-client.js';
import type { PgScores } from './pg-scores.js';

/** Rows per statement. */
const CHUNK = 5000;

type RowOf<K extends ProjectionRow['kind']> = Extract<ProjectionRow, { kind: K }>;

/** Inserts `rows` with `sql` (its parameters the columns `columns` gives), CHUNK rows at a time, in order. */
async function insertColumns<T>(db: Queryable, sql: string, rows: readonly T[], columns: (rows: readonly T[]) => unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.query(sql, columns(rows.slice(i, i + CHUNK)));
}

const SQL = {
  events: `INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
  sources: 'INSERT INTO sources (id, event_seq) SELECT * FROM unnest($1::text[], $2::bigint[])',
  forecasters: 'INSERT INTO forecasters (id, type, event_seq) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])',
  questions:
    'INSERT INTO questions (id, kind, stance, resolve_on, event_seq) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])',
  tags: 'INSERT INTO question_tags (question_id, tag) SELECT * FROM unnest($1::text[], $2::text[])',
  forecasts: `INSERT INTO forecasts (id, question_id, forecaster_id, made_at, probability, event_seq)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::bigint[])`,
  resolutions: `INSERT INTO resolutions (event_seq, question_id, status, resolved_on, outcome, supersedes_seq)
    SELECT seq, question_id, status, resolved_on, outcome::jsonb, supersedes FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
      AS r(seq, question_id, status, resolved_on, outcome, supersedes) ORDER BY seq`,
  // Each question's current resolution becomes its latest one in the batch.
  questionStatus: `UPDATE questions q SET status = v.status, resolution_seq = v.seq
    FROM (SELECT DISTINCT ON (question_id) question_id, status, seq FROM unnest($1::bigint[], $2::text[], $3::text[]) AS r(seq, question_id, status)
          ORDER BY question_id, seq DESC) v
    WHERE q.id = v.question_id`,
  questionDue: 'UPDATE questions SET resolve_on = $1 WHERE id = $2',
  updates: 'INSERT INTO question_updates (event_seq, type, question_id, forecast_id) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])',
};

/**
 * Appends the events (in seq order, which the `events_seq_next` trigger demands) and then their
 * projection rows, parents before children (questions before their tags and forecasts, forecasts
 * before the withdrawals that name them), and last the stored scores (through `scores`, on the same
 * connection): each question's rows replaced, each forecaster's totals written.
 *
 * @internal
 */
export async function appendPg(db: Queryable, events: readonly EventRow[], projections: readonly ProjectionRow[], scores: PgScores): Promise<void> {
  await insertColumns(db, SQL.events, events, (rows) => [
    rows.map((e) => e.seq),
    rows.map((e) => e.type),
    rows.map((e) => e.entityId),
    rows.map((e) => e.recordedAt),
    rows.map((e) => e.payload),
    rows.map((e) => e.prevHash),
    rows.map((e) => e.hash),
  ]);
  const of = <K extends ProjectionRow['kind']>(kind: K): RowOf<K>[] => projections.filter((p): p is RowOf<K> => p.kind === kind);
  await insertColumns(db, SQL.sources, of('source'), (rows) => [rows.map((r) => r.id), rows.map((r) => r.eventSeq)]);
  await insertColumns(db, SQL.forecasters, of('forecaster'), (rows) => [rows.map((r) => r.id), rows.map((r) => r.forecasterType), rows.map((r) => r.eventSeq)]);
  const questions = of('question');
  await insertColumns(db, SQL.questions, questions, (rows) => [
    rows.map((r) => r.id),
    rows.map((r) => r.questionKind),
    rows.map((r) => r.stance),
    rows.map((r) => r.resolveOn),
    rows.map((r) => r.eventSeq),
  ]);
  const tags = questions.flatMap((q) => [...new Set(q.tags)].map((tag) => [q.id, tag] as const));
  await insertColumns(db, SQL.tags, tags, (rows) => [rows.map((t) => t[0]), rows.map((t) => t[1])]);
  await insertColumns(db, SQL.forecasts, of('forecast'), (rows) => [
    rows.map((r) => r.id),
    rows.map((r) => r.questionId),
    rows.map((r) => r.forecasterId),
    rows.map((r) => r.madeAt),
    rows.map((r) => r.probability),
    rows.map((r) => r.eventSeq),
  ]);
  const resolutions = of('resolution');
  const resolutionColumns = (rows: readonly RowOf<'resolution'>[]): unknown[][] => [
    rows.map((r) => r.eventSeq),
    rows.map((r) => r.questionId),
    rows.map((r) => r.status),
    rows.map((r) => r.resolvedOn),
    rows.map((r) => (r.outcome === null ? null : JSON.stringify(r.outcome))),
    rows.map((r) => r.supersedesSeq),
  ];
  await insertColumns(db, SQL.resolutions, resolutions, resolutionColumns);
  // In seq order, chunk after chunk: a later resolution of a question overrides an earlier one.
  await insertColumns(db, SQL.questionStatus, resolutions, (rows) => resolutionColumns(rows).slice(0, 3));
  await insertColumns(db, SQL.updates, of('update'), (rows) => [
    rows.map((r) => r.eventSeq),
    rows.map((r) => r.type),
    rows.map((r) => r.questionId),
    rows.map((r) => r.forecastId),
  ]);
  // An amendment of the due date moves the question's column; in seq order, so the latest one wins.
  for (const r of of('update')) if (r.resolveOn !== undefined) await db.query(SQL.questionDue, [r.resolveOn, r.questionId]);
  await scores.writeScores(
    of('question-scores'),
    of('forecaster-scores').map((r) => r.row),
  );
}
