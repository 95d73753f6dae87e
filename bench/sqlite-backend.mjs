// The SQLite-specific parts of the benchmark, in one place: how each side opens its database, the
// raw floor's statements and rows, and the plain read of every event row that verify()'s floor walks.
// A backend for another database (e.g. `--backend postgres`) provides the same exports.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { leaderboardSql } from './leaderboard-sql.mjs';

export const name = 'sqlite';

/** The library's ledger file. */
export const libTarget = (args) => join(args.dir, 'lib.sqlite');

/** The library's ledger file's size in MB (undefined when it is gone). */
export function libSizeMb(dir) {
  try {
    return Math.round(statSync(join(dir, 'lib.sqlite')).size / 1048576);
  } catch {
    return undefined;
  }
}

/** The leaderboard's SQL aggregate on the ledger's own connection: the statement to time, and nothing to close. */
export function sqlAggregate(ledger) {
  const sql = ledger.store.database.prepare(leaderboardSql);
  return { run: () => sql.all(), close: () => {} };
}

/** The raw floor stores no hash chain. */
export const HASH_PLACEHOLDER = '0'.repeat(64);

/**
 * The raw floor's database: opened through SqliteStore.open, so it gets the very same migrations and
 * pragmas as the library's file. Returns the store (to close) and its better-sqlite3 connection.
 */
export function openRaw(lib, file) {
  const store = lib.SqliteStore.open(file);
  return { store, db: store.database };
}

/**
 * Every event row of a ledger file, in seq order, as plain objects, read with a bare better-sqlite3
 * connection (read-only, no library code): what the verify floor hashes.
 */
export function* readEventRows(file) {
  const db = new Database(file, { readonly: true });
  try {
    yield* db
      .prepare('SELECT seq, type, entity_id AS entityId, recorded_at AS recordedAt, payload, prev_hash AS prevHash, hash FROM events ORDER BY seq')
      .iterate();
  } finally {
    db.close();
  }
}

/** The probability stored in `forecasts.probability` (the floor computes it inline, like the store). */
export function probabilityColumn(f) {
  if (f.estimate.kind !== 'binary') return null;
  return f.estimate.probability ?? f.confidence?.impliedProbability ?? null;
}

export function outcomeColumn(r) {
  if (!r.outcome) return null;
  const v = r.outcome.value;
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

export function rawStatements(db) {
  return {
    event: db.prepare('INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    source: db.prepare('INSERT INTO sources (id, event_seq) VALUES (?, ?)'),
    forecaster: db.prepare('INSERT INTO forecasters (id, type, event_seq) VALUES (?, ?, ?)'),
    question: db.prepare('INSERT INTO questions (id, kind, stance, resolve_on, event_seq) VALUES (?, ?, ?, ?, ?)'),
    tag: db.prepare('INSERT INTO question_tags (question_id, tag) VALUES (?, ?)'),
    forecast: db.prepare('INSERT INTO forecasts (id, question_id, forecaster_id, made_at, probability, event_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    resolution: db.prepare('INSERT INTO resolutions (event_seq, question_id, status, resolved_on, outcome, supersedes_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    status: db.prepare('UPDATE questions SET status = ?, resolution_seq = ? WHERE id = ?'),
    head: db.prepare('SELECT max(seq) FROM events').pluck(),
    current: db.prepare('SELECT resolution_seq FROM questions WHERE id = ?').pluck(),
  };
}

/** Raw floor: one forecast = its event row (JSON payload) + its projection row. */
export function rawForecast(s, seq, f, at) {
  s.event.run(seq, 'forecast.added', f.id, at, JSON.stringify(f), HASH_PLACEHOLDER, HASH_PLACEHOLDER);
  s.forecast.run(f.id, f.questionId, f.forecasterId, f.madeAt, probabilityColumn(f), seq);
}

/** Raw floor: one resolution = its event row + its resolutions row + the question's status update. */
export function rawResolution(s, seq, r, at, supersedes) {
  s.event.run(seq, 'resolution.recorded', r.questionId, at, JSON.stringify(r), HASH_PLACEHOLDER, HASH_PLACEHOLDER);
  s.resolution.run(seq, r.questionId, r.status, r.resolvedOn, outcomeColumn(r), supersedes);
  s.status.run(r.status, seq, r.questionId);
}
