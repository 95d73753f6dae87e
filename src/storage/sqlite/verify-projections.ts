import { effectiveProbabilitySql } from '../../core/effective-probability.js';
import type Database from 'better-sqlite3';
import { pushAll } from '../../_internal/arrays.js';
import { countProblems, PROJECTED_TABLES } from '../projection-counts.js';
import type { VerifyProblem } from '../types.js';

/**
 * One consistency rule between a derived table and the events: a query that returns the offending
 * rows (at most a few), each with a `seq` and a `detail`.
 */
interface ProjectionCheck {
  table: string;
  message: string;
  sql: string;
}

const P = 'e.payload';
/** A payload field as SQLite's json_extract reads it (the reading the writer's columns must agree with). */
const jsonField = (path: readonly string[]): string => `json_extract(${P}, '$.${path.join('.')}')`;

/*
 * Every derived row must map to an event of its type carrying the same values, and every event must
 * have its row (equal counts, with event_seq UNIQUE, make the mapping one-to-one). Values are
 * compared with SQLite's own json_extract, the same reading the writer's columns must agree with.
 */
/**
 * The due date the question's latest amendment of it set, or NULL: read through question_updates
 * (indexed by question, and itself checked row by row against the events) from the event payloads.
 */
const LATEST_DUE_DATE = `(SELECT json_extract(a.payload, '$.changes.resolveOn') FROM question_updates u JOIN events a ON a.seq = u.event_seq
          WHERE u.question_id = q.id AND u.type = 'question.amended' AND json_extract(a.payload, '$.changes.resolveOn') IS NOT NULL
          ORDER BY u.event_seq DESC LIMIT 1)`;

/** The forecast's effective probability, re-derived from its payload by the library's one rule. */
const PROBABILITY = effectiveProbabilitySql({ text: jsonField, number: jsonField });

const ROW_CHECKS: ProjectionCheck[] = [
  {
    table: 'sources',
    message: 'source row does not match its event',
    sql: `SELECT s.event_seq AS seq, s.id AS detail FROM sources s LEFT JOIN events e ON e.seq = s.event_seq
          WHERE e.seq IS NULL OR e.type <> 'source.added' OR e.entity_id IS NOT s.id`,
  },
  {
    table: 'forecasters',
    message: 'forecaster row does not match its event',
    sql: `SELECT f.event_seq AS seq, f.id AS detail FROM forecasters f LEFT JOIN events e ON e.seq = f.event_seq
          WHERE e.seq IS NULL OR e.type <> 'forecaster.added' OR e.entity_id IS NOT f.id OR f.type IS NOT json_extract(${P}, '$.type')`,
  },
  {
    table: 'questions',
    message: 'question row does not match its event or its resolutions',
    sql: `SELECT q.event_seq AS seq, q.id AS detail FROM questions q LEFT JOIN events e ON e.seq = q.event_seq
          WHERE e.seq IS NULL OR e.type <> 'question.added' OR e.entity_id IS NOT q.id
             OR q.kind IS NOT json_extract(${P}, '$.kind') OR q.stance IS NOT json_extract(${P}, '$.stance')
             OR q.resolve_on IS NOT coalesce(${LATEST_DUE_DATE}, json_extract(${P}, '$.resolution.resolveOn'))
             OR q.resolution_seq IS NOT (SELECT max(r.event_seq) FROM resolutions r WHERE r.question_id = q.id)
             OR q.status IS NOT coalesce((SELECT r.status FROM resolutions r WHERE r.event_seq = q.resolution_seq), 'open')`,
  },
  {
    table: 'forecasts',
    message: 'forecast row does not match its event',
    sql: `SELECT f.event_seq AS seq, f.id AS detail FROM forecasts f LEFT JOIN events e ON e.seq = f.event_seq
          WHERE e.seq IS NULL OR e.type <> 'forecast.added' OR e.entity_id IS NOT f.id
             OR f.question_id IS NOT json_extract(${P}, '$.questionId')
             OR f.forecaster_id IS NOT json_extract(${P}, '$.forecasterId')
             OR f.made_at IS NOT json_extract(${P}, '$.madeAt')
             OR f.probability IS NOT ${PROBABILITY}`,
  },
  {
    table: 'resolutions',
    message: 'resolution row does not match its event',
    sql: `SELECT r.event_seq AS seq, r.question_id AS detail FROM resolutions r LEFT JOIN events e ON e.seq = r.event_seq
          WHERE e.seq IS NULL OR e.type <> 'resolution.recorded' OR e.entity_id IS NOT r.question_id
             OR r.status IS NOT json_extract(${P}, '$.status') OR r.resolved_on IS NOT json_extract(${P}, '$.resolvedOn')
             OR r.outcome IS NOT json_extract(${P}, '$.outcome.value')
             OR r.supersedes_seq IS NOT (SELECT max(p.event_seq) FROM resolutions p WHERE p.question_id = r.question_id AND p.event_seq < r.event_seq)
             OR (json_extract(${P}, '$.correction') IS NOT NULL) <> (r.supersedes_seq IS NOT NULL)`,
  },
  {
    table: 'question_updates',
    message: 'question update row does not match its event',
    sql: `SELECT u.event_seq AS seq, u.question_id AS detail FROM question_updates u LEFT JOIN events e ON e.seq = u.event_seq
          WHERE e.seq IS NULL OR e.type IS NOT u.type
             OR (u.type = 'forecast.withdrawn' AND (e.entity_id IS NOT u.forecast_id OR json_extract(${P}, '$.forecastId') IS NOT u.forecast_id
                 OR u.question_id IS NOT (SELECT f.question_id FROM forecasts f WHERE f.id = u.forecast_id)))
             OR (u.type <> 'forecast.withdrawn' AND (e.entity_id IS NOT u.question_id OR json_extract(${P}, '$.questionId') IS NOT u.question_id))`,
  },
];

/** Tag rows that name no tag of their question's event (run only to name culprits, see TAG_SUMMARY). */
const TAG_ROWS_CHECK: ProjectionCheck = {
  table: 'question_tags',
  message: 'tag row does not match its question event',
  sql: `SELECT coalesce(q.event_seq, 0) AS seq, t.question_id || ' #' || t.tag AS detail FROM question_tags t
        LEFT JOIN questions q ON q.id = t.question_id LEFT JOIN events e ON e.seq = q.event_seq
        WHERE e.seq IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(${P}, '$.tags') j WHERE j.value = t.tag)`,
};

/** Tags of question events missing from question_tags. */
const TAG_EVENTS_CHECK: ProjectionCheck = {
  table: 'question_tags',
  message: 'question event has tags missing from question_tags',
  sql: `SELECT e.seq AS seq, e.entity_id || ' #' || j.value AS detail FROM events e, json_each(${P}, '$.tags') j
        WHERE e.type = 'question.added'
          AND NOT EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = e.entity_id AND t.tag = j.value)`,
};

/*
 * question_tags in one pass over the question events: the number of distinct (question, tag) pairs
 * they carry, and how many have no row. With (question_id, tag) the primary key, "no pair is missing"
 * and "as many rows as pairs" together mean the rows are exactly the pairs, so the row-by-row check
 * (TAG_ROWS_CHECK, a second pass) runs only to name the culprits once something is wrong.
 */
const TAG_SUMMARY = `SELECT count(DISTINCT e.entity_id || char(0) || j.value) AS pairs,
    coalesce(sum(NOT EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = e.entity_id AND t.tag = j.value)), 0) AS missing
  FROM events e, json_each(${P}, '$.tags') j WHERE e.type = 'question.added'`;

/**
 * Checks every derived table against the events it was derived from.
 *
 * @param db - the ledger's connection (call inside a read transaction for one consistent snapshot)
 * @param eventCounts - the number of events of each type, when the caller has counted them already
 *   (`verify()` does, walking the chain); otherwise they are counted here
 * @returns the problems found (empty when all is consistent)
 * @internal
 */
export function verifyProjections(db: Database.Database, eventCounts?: Readonly<Record<string, number>>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const counts = eventCounts ?? Object.fromEntries(db.prepare('SELECT type, count(*) FROM events GROUP BY type').raw().all() as [string, number][]);
  const rowCounts = Object.fromEntries(PROJECTED_TABLES.map(({ table }) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
  pushAll(problems, countProblems(rowCounts, counts));
  const tagRows = db.prepare('SELECT count(*) FROM question_tags').pluck().get() as number;
  const tags = db.prepare(TAG_SUMMARY).get() as { pairs: number; missing: number };
  if (tagRows !== tags.pairs)
    problems.push({ table: 'question_tags', message: `question_tags has ${tagRows} rows but the questions carry ${tags.pairs} tags` });
  const run = (check: ProjectionCheck): void => {
    for (const row of db.prepare(`${check.sql} LIMIT 5`).all() as { seq: number; detail: string }[]) {
      problems.push({ table: check.table, seq: row.seq, message: `${check.message}: ${row.detail} (event ${row.seq})` });
    }
  };
  ROW_CHECKS.forEach(run);
  // The tag rows one by one only when something is already wrong: to name the culprits.
  if (problems.length || tags.missing > 0) [TAG_ROWS_CHECK, TAG_EVENTS_CHECK].forEach(run);
  return problems;
}
