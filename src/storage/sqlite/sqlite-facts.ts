/**
 * `loadFacts` on SQLite: the committed facts a batch asks for, with prepared point lookups on the
 * indexed projection tables (one statement per id; in-process, that is as fast as SQLite gets).
 *
 * @internal
 * @module
 */
import type Database from 'better-sqlite3';
import type { QuestionFacts } from '../../core/check-change.js';
import { updateKeyText, type FactRequest, type LoadedFacts } from '../../engine/storage-adapter.js';
import type { Question } from '../../model/question.js';
import type { StoredResolution } from '../../model/question-record.js';
import { toResolution } from './sqlite-rows.js';
import type { SqliteScores } from './sqlite-scores.js';

/** What the write rules need of a question ({@link QuestionFacts}), from the projection columns. */
const QUESTION_FACTS = `SELECT q.kind, q.resolve_on, q.resolution_seq, r.status, r.resolved_on,
    CASE WHEN q.kind = 'categorical' THEN (SELECT json_group_array(o.value ->> '$.id')
      FROM events e, json_each(e.payload, '$.spec.options') o WHERE e.seq = q.event_seq) END AS options
  FROM questions q LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq WHERE q.id = ?`;

type QuestionFactsRow = [
  kind: Question['kind'],
  resolveOn: string,
  seq: number | null,
  status: StoredResolution['status'] | null,
  resolvedOn: string | null,
  /** JSON array of the option ids, for a categorical question. */
  options: string | null,
];

/** The prepared lookups of {@link SqliteFacts}. */
function prepareFactStatements(db: Database.Database) {
  return {
    sourcePayload: db.prepare('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq WHERE s.id = ?').pluck(),
    sourceExists: db.prepare('SELECT 1 FROM sources WHERE id = ?').pluck(),
    forecasterPayload: db.prepare('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq WHERE f.id = ?').pluck(),
    forecasterExists: db.prepare('SELECT 1 FROM forecasters WHERE id = ?').pluck(),
    questionPayload: db.prepare('SELECT e.payload FROM questions q JOIN events e ON e.seq = q.event_seq WHERE q.id = ?').pluck(),
    questionFacts: db.prepare(QUESTION_FACTS).raw(),
    forecastPayload: db.prepare('SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE f.id = ?').pluck(),
    forecastFacts: db
      .prepare(
        `SELECT f.question_id, e.payload, e.recorded_at FROM forecasts f
      LEFT JOIN question_updates u ON u.forecast_id = f.id LEFT JOIN events e ON e.seq = u.event_seq WHERE f.id = ?`,
      )
      .raw(),
    currentResolution: db
      .prepare(
        `SELECT e.payload, e.seq, e.recorded_at, r.supersedes_seq
      FROM questions q JOIN resolutions r ON r.event_seq = q.resolution_seq JOIN events e ON e.seq = r.event_seq WHERE q.id = ?`,
      )
      .raw(),
    forecastTimes: db.prepare('SELECT id, made_at FROM forecasts WHERE question_id = ? ORDER BY event_seq').raw(),
    hasUpdate: db.prepare('SELECT 1 FROM events WHERE type = ? AND entity_id = ? AND payload = ? AND recorded_at = ?').pluck(),
  };
}

/**
 * Answers a {@link FactRequest} from one SQLite connection.
 *
 * @internal
 */
export class SqliteFacts {
  readonly #s: ReturnType<typeof prepareFactStatements>;

  readonly #scores: SqliteScores;

  constructor(db: Database.Database, scores: SqliteScores) {
    this.#s = prepareFactStatements(db);
    this.#scores = scores;
  }

  /** The committed facts `request` names; run inside the write transaction. */
  load(request: FactRequest): LoadedFacts {
    const s = this.#s;
    const payloads = (ids: ReadonlySet<string>, stmt: Database.Statement): Map<string, string> => {
      const found = new Map<string, string>();
      for (const id of ids) {
        const payload = stmt.get(id) as string | undefined;
        if (payload !== undefined) found.set(id, payload);
      }
      return found;
    };
    const existing = (ids: ReadonlySet<string>, stmt: Database.Statement): Set<string> => {
      const found = new Set<string>();
      for (const id of ids) if (stmt.get(id) !== undefined) found.add(id);
      return found;
    };
    const loaded: LoadedFacts = {
      sourcePayloads: payloads(request.sourcePayloads, s.sourcePayload),
      sources: existing(request.sources, s.sourceExists),
      forecasterPayloads: payloads(request.forecasterPayloads, s.forecasterPayload),
      forecasters: existing(request.forecasters, s.forecasterExists),
      questionPayloads: payloads(request.questionPayloads, s.questionPayload),
      questions: new Map(),
      forecastPayloads: payloads(request.forecastPayloads, s.forecastPayload),
      forecasts: new Map(),
      resolutions: new Map(),
      forecastTimes: new Map(),
      updates: new Set(),
    };
    for (const id of request.questions) {
      const row = s.questionFacts.get(id) as QuestionFactsRow | undefined;
      if (row) loaded.questions.set(id, questionFactsOf(row));
    }
    for (const id of request.forecasts) {
      const row = s.forecastFacts.get(id) as [questionId: string, payload: string | null, recordedAt: string | null] | undefined;
      if (!row) continue;
      const [questionId, payload, recordedAt] = row;
      loaded.forecasts.set(id, payload === null ? { questionId } : { questionId, withdrawal: { payload, recordedAt: recordedAt! } });
    }
    for (const id of request.resolutions) {
      const row = s.currentResolution.get(id) as [payload: string, seq: number, recordedAt: string, supersedes: number | null] | undefined;
      if (row) loaded.resolutions.set(id, toResolution(...row));
    }
    for (const id of request.forecastTimes) {
      const rows = s.forecastTimes.all(id) as [id: string, madeAt: string][];
      if (rows.length)
        loaded.forecastTimes.set(
          id,
          rows.map(([fid, madeAt]) => ({ id: fid, madeAt })),
        );
    }
    for (const key of request.updates) {
      if (s.hasUpdate.get(key.type, key.entityId, key.payload, key.recordedAt) !== undefined) loaded.updates.add(updateKeyText(key));
    }
    if (request.scores) loaded.scores = this.#scores.load(request.scores);
    return loaded;
  }
}

function questionFactsOf([kind, resolveOn, seq, status, resolvedOn, options]: QuestionFactsRow): QuestionFacts {
  const facts: QuestionFacts = { kind, resolveOn };
  if (seq !== null) facts.resolution = { status: status!, resolvedOn: resolvedOn!, seq };
  if (options !== null) facts.options = JSON.parse(options) as string[];
  return facts;
}
