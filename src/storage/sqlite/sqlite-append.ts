/**
 * `append` on SQLite: event rows and the projection rows the engine computed, into their tables.
 *
 * @internal
 * @module
 */
import type Database from 'better-sqlite3';
import type { EventRow, ProjectionRow } from '../../engine/storage-adapter.js';
import type { SqliteScores } from './sqlite-scores.js';

function prepareAppendStatements(db: Database.Database) {
  return {
    event: db.prepare('INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    source: db.prepare('INSERT INTO sources (id, event_seq) VALUES (?, ?)'),
    forecaster: db.prepare('INSERT INTO forecasters (id, type, event_seq) VALUES (?, ?, ?)'),
    question: db.prepare('INSERT INTO questions (id, kind, stance, resolve_on, event_seq) VALUES (?, ?, ?, ?, ?)'),
    tag: db.prepare('INSERT INTO question_tags (question_id, tag) VALUES (?, ?)'),
    forecast: db.prepare('INSERT INTO forecasts (id, question_id, forecaster_id, made_at, probability, event_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    resolution: db.prepare('INSERT INTO resolutions (event_seq, question_id, status, resolved_on, outcome, supersedes_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    questionStatus: db.prepare('UPDATE questions SET status = ?, resolution_seq = ? WHERE id = ?'),
    update: db.prepare('INSERT INTO question_updates (event_seq, type, question_id, forecast_id) VALUES (?, ?, ?, ?)'),
    questionDue: db.prepare('UPDATE questions SET resolve_on = ? WHERE id = ?'),
  };
}

/**
 * Writes events and projection rows through prepared statements.
 *
 * @internal
 */
export class SqliteAppender {
  readonly #s: ReturnType<typeof prepareAppendStatements>;

  readonly #scores: SqliteScores;

  constructor(db: Database.Database, scores: SqliteScores) {
    this.#s = prepareAppendStatements(db);
    this.#scores = scores;
  }

  /** Inserts the events, then their projection rows in order; run inside the write transaction. */
  append(events: readonly EventRow[], projections: readonly ProjectionRow[]): void {
    const s = this.#s;
    for (const e of events) s.event.run(e.seq, e.type, e.entityId, e.recordedAt, e.payload, e.prevHash, e.hash);
    for (const row of projections) {
      switch (row.kind) {
        case 'source':
          s.source.run(row.id, row.eventSeq);
          break;
        case 'forecaster':
          s.forecaster.run(row.id, row.forecasterType, row.eventSeq);
          break;
        case 'question':
          s.question.run(row.id, row.questionKind, row.stance, row.resolveOn, row.eventSeq);
          for (const tag of row.tags) s.tag.run(row.id, tag);
          break;
        case 'forecast':
          s.forecast.run(row.id, row.questionId, row.forecasterId, row.madeAt, row.probability, row.eventSeq);
          break;
        case 'resolution':
          s.resolution.run(row.eventSeq, row.questionId, row.status, row.resolvedOn, row.outcome, row.supersedesSeq);
          s.questionStatus.run(row.status, row.eventSeq, row.questionId);
          break;
        case 'update':
          s.update.run(row.eventSeq, row.type, row.questionId, row.forecastId);
          if (row.resolveOn !== undefined) s.questionDue.run(row.resolveOn, row.questionId);
          break;
        case 'question-scores':
          this.#scores.replaceQuestion(row.questionId, row.rows, row.replaces);
          break;
        case 'forecaster-scores':
          this.#scores.writeTotals(row.row);
          break;
      }
    }
  }
}
