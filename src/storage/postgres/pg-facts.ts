/**
 * `loadFacts` on PostgreSQL: the committed facts a batch asks for, one query per kind of fact for
 * the whole batch (`= ANY($1::text[])`), so a batch of any size costs a handful of round trips.
 *
 * @internal
 * @module
 */
import type { QuestionFacts } from '../../core/check-change.js';
import { updateKeyText, type FactRequest, type LoadedFacts } from '../../engine/storage-adapter.js';
import type { Question } from '../../model/question.js';
import type { StoredResolution } from '../types.js';
import type { Queryable } from './pg-client.js';
import { toResolution } from './pg-rows.js';
import type { PgScores } from './pg-scores.js';

/** What the write rules need of a question ({@link QuestionFacts}), from the projection columns. */
const QUESTION_FACTS = `SELECT q.id, q.kind, q.resolve_on AS "resolveOn", q.resolution_seq AS seq, r.status, r.resolved_on AS "resolvedOn",
    CASE WHEN q.kind = 'categorical' THEN (SELECT json_agg(o.value ->> 'id' ORDER BY o.ord)
      FROM events e, jsonb_array_elements(e.payload::jsonb #> '{spec,options}') WITH ORDINALITY o(value, ord) WHERE e.seq = q.event_seq) END AS options
  FROM questions q LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq WHERE q.id = ANY($1::text[])`;

interface QuestionFactsRow {
  id: string;
  kind: Question['kind'];
  resolveOn: string;
  seq: number | null;
  status: StoredResolution['status'] | null;
  resolvedOn: string | null;
  /** The option ids of a categorical question (json, parsed by the driver). */
  options: string[] | null;
}

const SQL = {
  sourcePayloads: 'SELECT s.id, e.payload FROM sources s JOIN events e ON e.seq = s.event_seq WHERE s.id = ANY($1::text[])',
  sources: 'SELECT id FROM sources WHERE id = ANY($1::text[])',
  forecasterPayloads: 'SELECT f.id, e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq WHERE f.id = ANY($1::text[])',
  forecasters: 'SELECT id FROM forecasters WHERE id = ANY($1::text[])',
  questionPayloads: 'SELECT q.id, e.payload FROM questions q JOIN events e ON e.seq = q.event_seq WHERE q.id = ANY($1::text[])',
  forecastPayloads: 'SELECT f.id, e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE f.id = ANY($1::text[])',
  forecasts: `SELECT f.id, f.question_id AS "questionId", e.payload, e.recorded_at AS "recordedAt" FROM forecasts f
    LEFT JOIN question_updates u ON u.forecast_id = f.id LEFT JOIN events e ON e.seq = u.event_seq WHERE f.id = ANY($1::text[])`,
  resolutions: `SELECT q.id, e.payload, e.seq, e.recorded_at AS "recordedAt", r.supersedes_seq AS supersedes
    FROM questions q JOIN resolutions r ON r.event_seq = q.resolution_seq JOIN events e ON e.seq = r.event_seq WHERE q.id = ANY($1::text[])`,
  forecastTimes: 'SELECT question_id AS "questionId", id, made_at AS "madeAt" FROM forecasts WHERE question_id = ANY($1::text[]) ORDER BY event_seq',
  // Which of the keys are already in the history: one pass over the events for the whole batch.
  updates: `SELECT DISTINCT k.i FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(type, entity_id, payload, recorded_at, i)
    JOIN events e ON e.type = k.type AND e.entity_id = k.entity_id AND e.payload = k.payload AND e.recorded_at = k.recorded_at`,
};

/**
 * The committed facts `request` names; run inside the write transaction, on its connection (`scores`
 * reads the stored scores through it too).
 *
 * @internal
 */
export async function loadPgFacts(db: Queryable, request: FactRequest, scores: PgScores): Promise<LoadedFacts> {
  const rows = async <R extends object>(sql: string, ids: ReadonlySet<string>): Promise<R[]> =>
    ids.size ? (await db.query<R & Record<string, unknown>>(sql, [[...ids]])).rows : [];
  const payloads = async (sql: string, ids: ReadonlySet<string>): Promise<Map<string, string>> =>
    new Map((await rows<{ id: string; payload: string }>(sql, ids)).map((r) => [r.id, r.payload]));
  const existing = async (sql: string, ids: ReadonlySet<string>): Promise<Set<string>> => new Set((await rows<{ id: string }>(sql, ids)).map((r) => r.id));

  const loaded: LoadedFacts = {
    sourcePayloads: await payloads(SQL.sourcePayloads, request.sourcePayloads),
    sources: await existing(SQL.sources, request.sources),
    forecasterPayloads: await payloads(SQL.forecasterPayloads, request.forecasterPayloads),
    forecasters: await existing(SQL.forecasters, request.forecasters),
    questionPayloads: await payloads(SQL.questionPayloads, request.questionPayloads),
    questions: new Map(),
    forecastPayloads: await payloads(SQL.forecastPayloads, request.forecastPayloads),
    forecasts: new Map(),
    resolutions: new Map(),
    forecastTimes: new Map(),
    updates: new Set(),
  };
  for (const row of await rows<QuestionFactsRow>(QUESTION_FACTS, request.questions)) loaded.questions.set(row.id, questionFactsOf(row));
  type ForecastRow = { id: string; questionId: string; payload: string | null; recordedAt: string | null };
  for (const { id, questionId, payload, recordedAt } of await rows<ForecastRow>(SQL.forecasts, request.forecasts)) {
    loaded.forecasts.set(id, payload === null ? { questionId } : { questionId, withdrawal: { payload, recordedAt: recordedAt! } });
  }
  type ResolutionRow = { id: string; payload: string; seq: number; recordedAt: string; supersedes: number | null };
  for (const r of await rows<ResolutionRow>(SQL.resolutions, request.resolutions)) {
    loaded.resolutions.set(r.id, toResolution(r.payload, r.seq, r.recordedAt, r.supersedes));
  }
  for (const { questionId, id, madeAt } of await rows<{ questionId: string; id: string; madeAt: string }>(SQL.forecastTimes, request.forecastTimes)) {
    let times = loaded.forecastTimes.get(questionId);
    if (!times) loaded.forecastTimes.set(questionId, (times = []));
    times.push({ id, madeAt });
  }
  const keys = request.updates;
  if (keys.length) {
    const found = await db.query<{ i: number }>(SQL.updates, [
      keys.map((k) => k.type),
      keys.map((k) => k.entityId),
      keys.map((k) => k.payload),
      keys.map((k) => k.recordedAt),
    ]);
    for (const { i } of found.rows) loaded.updates.add(updateKeyText(keys[i - 1]!));
  }
  if (request.scores) loaded.scores = await scores.load(request.scores);
  return loaded;
}

function questionFactsOf({ kind, resolveOn, seq, status, resolvedOn, options }: QuestionFactsRow): QuestionFacts {
  const facts: QuestionFacts = { kind, resolveOn };
  if (seq !== null) facts.resolution = { status: status!, resolvedOn: resolvedOn!, seq };
  if (options !== null) facts.options = options;
  return facts;
}
