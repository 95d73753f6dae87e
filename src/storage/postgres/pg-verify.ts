/**
 * The checks `verify()` asks of PostgreSQL: every derived row against its event (translated from
 * the SQLite checks), the applied migrations against the files, and the schema against what those
 * migrations create.
 *
 * @internal
 * @module
 */
import { effectiveProbabilitySql } from '../../core/effective-probability.js';
import { randomBytes } from 'node:crypto';
import { pushAll } from '../../_internal/arrays.js';
import type { MigrationFile } from '../migration-files.js';
import { countProblems, PROJECTED_TABLES } from '../projection-counts.js';
import type { VerifyProblem } from '../types.js';
import type { Queryable } from './pg-client.js';
import { inTransaction, PG_SCHEMA_MIGRATIONS_SQL, type PgSession } from './pg-migrations.js';

/** One consistency rule between a derived table and the events: a query returning offending rows as `seq`, `detail`. */
interface ProjectionCheck {
  table: string;
  message: string;
  sql: string;
}

/** The event's payload as jsonb (`j.p`), NULL when the row has no event. */
const PAYLOAD = 'LEFT JOIN LATERAL (SELECT e.payload::jsonb AS p) j ON true';
/** A JSON number at `path` of the payload as float8, NULL for anything else (as a stored probability compares). */
const num = (path: string): string => `(CASE WHEN jsonb_typeof(j.p #> '{${path}}') = 'number' THEN (j.p #>> '{${path}}')::float8 END)`;
/** The payload's tags as a JSON array (an empty one when absent or not an array). */
const tagsOf = (payload: string): string =>
  `(CASE WHEN jsonb_typeof(${payload}::jsonb -> 'tags') = 'array' THEN ${payload}::jsonb -> 'tags' ELSE '[]'::jsonb END)`;
/** The outcome value as `resolutions.outcome` holds it: 1/0 for a boolean, the JSON value otherwise, NULL without one. */
const OUTCOME = `(CASE jsonb_typeof(j.p #> '{outcome,value}') WHEN 'boolean' THEN to_jsonb(CASE WHEN (j.p #>> '{outcome,value}')::boolean THEN 1 ELSE 0 END)
  WHEN 'null' THEN NULL ELSE j.p #> '{outcome,value}' END)`;

/*
 * Every derived row must map to an event of its type carrying the same values, and every event must
 * have its row (equal counts, with event_seq UNIQUE, make the mapping one-to-one). The SQLite checks
 * compare with json_extract; here `->>` (text), `#>` (jsonb) and `num()` give the same readings, and
 * IS DISTINCT FROM is SQLite's IS NOT.
 */
/** The forecast's effective probability, re-derived from its payload by the library's one rule. */
const PROBABILITY = effectiveProbabilitySql({ text: (path) => `(j.p #>> '{${path.join(',')}}')`, number: (path) => num(path.join(',')) });

/**
 * The due date the question's latest amendment of it set, or NULL: read through question_updates
 * (indexed by question, and itself checked row by row against the events) from the event payloads.
 */
const LATEST_DUE_DATE = `(SELECT a.payload::jsonb #>> '{changes,resolveOn}' FROM question_updates u JOIN events a ON a.seq = u.event_seq
          WHERE u.question_id = q.id AND u.type = 'question.amended' AND a.payload::jsonb #>> '{changes,resolveOn}' IS NOT NULL
          ORDER BY u.event_seq DESC LIMIT 1)`;

const ROW_CHECKS: ProjectionCheck[] = [
  {
    table: 'sources',
    message: 'source row does not match its event',
    sql: `SELECT s.event_seq AS seq, s.id AS detail FROM sources s LEFT JOIN events e ON e.seq = s.event_seq
          WHERE e.seq IS NULL OR e.type <> 'source.added' OR e.entity_id IS DISTINCT FROM s.id`,
  },
  {
    table: 'forecasters',
    message: 'forecaster row does not match its event',
    sql: `SELECT f.event_seq AS seq, f.id AS detail FROM forecasters f LEFT JOIN events e ON e.seq = f.event_seq ${PAYLOAD}
          WHERE e.seq IS NULL OR e.type <> 'forecaster.added' OR e.entity_id IS DISTINCT FROM f.id OR f.type IS DISTINCT FROM j.p ->> 'type'`,
  },
  {
    table: 'questions',
    message: 'question row does not match its event or its resolutions',
    sql: `SELECT q.event_seq AS seq, q.id AS detail FROM questions q LEFT JOIN events e ON e.seq = q.event_seq ${PAYLOAD}
          WHERE e.seq IS NULL OR e.type <> 'question.added' OR e.entity_id IS DISTINCT FROM q.id
             OR q.kind IS DISTINCT FROM j.p ->> 'kind' OR q.stance IS DISTINCT FROM j.p ->> 'stance'
             OR q.resolve_on IS DISTINCT FROM coalesce(${LATEST_DUE_DATE}, j.p #>> '{resolution,resolveOn}')
             OR q.resolution_seq IS DISTINCT FROM (SELECT max(r.event_seq) FROM resolutions r WHERE r.question_id = q.id)
             OR q.status IS DISTINCT FROM coalesce((SELECT r.status FROM resolutions r WHERE r.event_seq = q.resolution_seq), 'open')`,
  },
  {
    table: 'forecasts',
    message: 'forecast row does not match its event',
    sql: `SELECT f.event_seq AS seq, f.id AS detail FROM forecasts f LEFT JOIN events e ON e.seq = f.event_seq ${PAYLOAD}
          WHERE e.seq IS NULL OR e.type <> 'forecast.added' OR e.entity_id IS DISTINCT FROM f.id
             OR f.question_id IS DISTINCT FROM j.p ->> 'questionId'
             OR f.forecaster_id IS DISTINCT FROM j.p ->> 'forecasterId'
             OR f.made_at IS DISTINCT FROM j.p ->> 'madeAt'
             OR f.probability IS DISTINCT FROM ${PROBABILITY}`,
  },
  {
    table: 'resolutions',
    message: 'resolution row does not match its event',
    sql: `SELECT r.event_seq AS seq, r.question_id AS detail FROM resolutions r LEFT JOIN events e ON e.seq = r.event_seq ${PAYLOAD}
          WHERE e.seq IS NULL OR e.type <> 'resolution.recorded' OR e.entity_id IS DISTINCT FROM r.question_id
             OR r.status IS DISTINCT FROM j.p ->> 'status' OR r.resolved_on IS DISTINCT FROM j.p ->> 'resolvedOn'
             OR r.outcome IS DISTINCT FROM ${OUTCOME}
             OR r.supersedes_seq IS DISTINCT FROM (SELECT max(p.event_seq) FROM resolutions p WHERE p.question_id = r.question_id AND p.event_seq < r.event_seq)
             OR (nullif(j.p -> 'correction', 'null'::jsonb) IS NOT NULL) <> (r.supersedes_seq IS NOT NULL)`,
  },
  {
    table: 'question_updates',
    message: 'question update row does not match its event',
    sql: `SELECT u.event_seq AS seq, u.question_id AS detail FROM question_updates u LEFT JOIN events e ON e.seq = u.event_seq ${PAYLOAD}
          WHERE e.seq IS NULL OR e.type IS DISTINCT FROM u.type
             OR (u.type = 'forecast.withdrawn' AND (e.entity_id IS DISTINCT FROM u.forecast_id OR j.p ->> 'forecastId' IS DISTINCT FROM u.forecast_id
                 OR u.question_id IS DISTINCT FROM (SELECT f.question_id FROM forecasts f WHERE f.id = u.forecast_id)))
             OR (u.type <> 'forecast.withdrawn' AND (e.entity_id IS DISTINCT FROM u.question_id OR j.p ->> 'questionId' IS DISTINCT FROM u.question_id))`,
  },
];

/** Tag rows that name no tag of their question's event (run only to name culprits, see TAG_SUMMARY). */
const TAG_ROWS_CHECK: ProjectionCheck = {
  table: 'question_tags',
  message: 'tag row does not match its question event',
  sql: `SELECT coalesce(q.event_seq, 0) AS seq, t.question_id || ' #' || t.tag AS detail FROM question_tags t
        LEFT JOIN questions q ON q.id = t.question_id LEFT JOIN events e ON e.seq = q.event_seq
        WHERE e.seq IS NULL OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(${tagsOf('e.payload')}) j(tag) WHERE j.tag = t.tag)`,
};

/** Tags of question events missing from question_tags. */
const TAG_EVENTS_CHECK: ProjectionCheck = {
  table: 'question_tags',
  message: 'question event has tags missing from question_tags',
  sql: `SELECT e.seq AS seq, e.entity_id || ' #' || j.tag AS detail FROM events e CROSS JOIN LATERAL jsonb_array_elements_text(${tagsOf('e.payload')}) j(tag)
        WHERE e.type = 'question.added'
          AND NOT EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = e.entity_id AND t.tag = j.tag)`,
};

/*
 * question_tags in one pass over the question events: the distinct (question, tag) pairs they carry,
 * and how many have no row. With (question_id, tag) the primary key, "none missing" and "as many rows
 * as pairs" together mean the rows are exactly the pairs (see the SQLite check).
 */
const TAG_SUMMARY = `SELECT count(DISTINCT (e.entity_id, j.tag)) AS pairs,
    count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = e.entity_id AND t.tag = j.tag)) AS missing
  FROM events e CROSS JOIN LATERAL jsonb_array_elements_text(${tagsOf('e.payload')}) j(tag) WHERE e.type = 'question.added'`;

/**
 * Checks every derived table against the events; run inside the snapshot.
 *
 * @param eventCounts - the number of events of each type, from the chain walk
 * @internal
 */
export async function checkPgProjections(db: Queryable, eventCounts: Readonly<Record<string, number>>): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  const count = async (table: string): Promise<number> => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;
  const rowCounts: Record<string, number> = {};
  for (const { table } of PROJECTED_TABLES) rowCounts[table] = await count(table);
  pushAll(problems, countProblems(rowCounts, eventCounts));
  const tagRows = await count('question_tags');
  const tags = (await db.query<{ pairs: number; missing: number }>(TAG_SUMMARY)).rows[0]!;
  if (tagRows !== tags.pairs)
    problems.push({ table: 'question_tags', message: `question_tags has ${tagRows} rows but the questions carry ${tags.pairs} tags` });
  const run = async (check: ProjectionCheck): Promise<void> => {
    for (const row of (await db.query<{ seq: number; detail: string }>(`${check.sql} LIMIT 5`)).rows) {
      problems.push({ table: check.table, seq: row.seq, message: `${check.message}: ${row.detail} (event ${row.seq})` });
    }
  };
  for (const check of ROW_CHECKS) await run(check);
  // The tag rows one by one only when something is already wrong: to name the culprits.
  if (problems.length || tags.missing > 0) for (const check of [TAG_ROWS_CHECK, TAG_EVENTS_CHECK]) await run(check);
  return problems;
}

/** One schema object as compared: its kind and name, and a definition with the schema's name taken out. */
interface SchemaObject {
  kind: string;
  name: string;
  definition: string;
}

/*
 * Everything in one schema that the ledger's behaviour depends on, each with a definition text from
 * PostgreSQL's own deparsers: tables (columns with type, collation, NOT NULL and default; row
 * security; how many of their triggers, internal ones included, are disabled), views, sequences,
 * constraints, indexes, triggers (and whether each is enabled), functions, rules and policies.
 * Objects that belong to an extension are left out. Owners and privileges are not compared: roles
 * are granted rights on a ledger (see docs/storage.md).
 */
const CATALOG_SQL = `
  SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' ELSE 'table' END AS kind,
    c.relname AS name,
    CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) ELSE
      (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
         || coalesce(' collate ' || co.collname, '') || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''), ', ' ORDER BY a.attnum)
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0 AND co.collname <> 'default'
       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
      || ' rls ' || c.relrowsecurity || '/' || c.relforcerowsecurity
      || ' disabled triggers ' || (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgenabled = 'D') END AS definition
  FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
  UNION ALL
  SELECT 'constraint', rel.relname || '.' || k.conname, pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN pg_class rel ON rel.oid = k.conrelid WHERE k.connamespace = $1::regnamespace
  UNION ALL
  SELECT 'index', i.relname, pg_get_indexdef(i.oid)
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relnamespace = $1::regnamespace
  UNION ALL
  SELECT 'trigger', rel.relname || '.' || t.tgname, pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text
  FROM pg_trigger t JOIN pg_class rel ON rel.oid = t.tgrelid WHERE rel.relnamespace = $1::regnamespace AND NOT t.tgisinternal
  UNION ALL
  SELECT 'function', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
  FROM pg_proc p WHERE p.pronamespace = $1::regnamespace AND p.prokind IN ('f', 'p')
    AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
  UNION ALL
  SELECT 'rule', r.tablename || '.' || r.rulename, r.definition FROM pg_rules r WHERE r.schemaname = $2
  UNION ALL
  SELECT 'policy', p.tablename || '.' || p.policyname, p.cmd || ' ' || p.permissive || ' ' || coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '')
  FROM pg_policies p WHERE p.schemaname = $2`;

/** The objects of `schema`, their definitions with `schema.` (plain or quoted) removed. */
async function catalogOf(db: Queryable, schema: string): Promise<SchemaObject[]> {
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  const rows = (await db.query<SchemaObject>(CATALOG_SQL, [quoted, schema])).rows;
  const strip = (text: string): string => text.split(`${quoted}.`).join('').split(`${schema}.`).join('');
  return rows.map((o) => ({ kind: o.kind, name: o.name, definition: strip(o.definition ?? '') }));
}

/** The expected catalog per set of applied migrations and server version. */
const expectedCache = new Map<string, readonly SchemaObject[]>();

/**
 * The catalog the migrations create: applied to a scratch schema inside a transaction that is
 * rolled back, and read back with the same query as the ledger's own schema.
 *
 * @param snapshot - the snapshot's connection, for the server's version
 * @param openScratch - opens a connection of its own (not the snapshot's: it writes, then rolls back)
 * @throws the driver's error when the role may not create a schema (the caller reports it)
 */
async function expectedCatalog(snapshot: Queryable, openScratch: () => Promise<PgSession>, files: readonly MigrationFile[]): Promise<readonly SchemaObject[]> {
  const version = (await snapshot.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v;
  const key = `${version}|${files.map((f) => `${f.version}:${f.checksum}`).join(',')}`;
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const session = await openScratch();
  try {
    const catalog = await scratchCatalog(session, files);
    expectedCache.set(key, catalog);
    return catalog;
  } finally {
    session.release();
  }
}

/** The migrations applied to a new schema, its catalog read, and everything rolled back. */
async function scratchCatalog(session: Queryable, files: readonly MigrationFile[]): Promise<SchemaObject[]> {
  const scratch = `forecast_ledger_verify_${randomBytes(6).toString('hex')}`;
  const ROLLED_BACK = Symbol('rolled back');
  let catalog: SchemaObject[] = [];
  await inTransaction(session, 'BEGIN', async () => {
    await session.query(`CREATE SCHEMA ${scratch}`);
    await session.query(`SET LOCAL search_path = ${scratch}`);
    await session.query(PG_SCHEMA_MIGRATIONS_SQL);
    for (const file of files) await session.query(file.sql);
    catalog = await catalogOf(session, scratch);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a signal to roll the scratch schema back, caught just below
    throw ROLLED_BACK;
  }).catch((error: unknown) => {
    if (error !== ROLLED_BACK) throw error;
  });
  return catalog;
}

const describeObject = (o: SchemaObject): string => `${o.kind} ${o.name}`;

/**
 * Compares the ledger's schema (the snapshot connection's current schema) with the one the applied
 * migrations create, and reports each object dropped, added, changed or disabled outside the ledger.
 *
 * @param snapshot - the snapshot's connection
 * @param openScratch - opens another connection, for the scratch schema (only when the expected
 *   schema of these migrations on this server version is not known yet)
 * @param files - the migrations the database records as applied
 * @internal
 */
export async function checkPgSchema(snapshot: Queryable, openScratch: () => Promise<PgSession>, files: readonly MigrationFile[]): Promise<VerifyProblem[]> {
  const schema = (await snapshot.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  let expectedList: readonly SchemaObject[];
  try {
    expectedList = await expectedCatalog(snapshot, openScratch, files);
  } catch (error) {
    return [
      {
        table: 'schema',
        message:
          `cannot check the schema: creating a scratch schema (rolled back at once) failed: ${(error as Error).message}. ` +
          'Run verify() as a role with CREATE on the database, such as the one that ran the migrations',
      },
    ];
  }
  const expected = new Map(expectedList.map((o) => [describeObject(o), o]));
  const problems: VerifyProblem[] = [];
  for (const o of await catalogOf(snapshot, schema)) {
    const want = expected.get(describeObject(o));
    expected.delete(describeObject(o));
    if (!want)
      problems.push({
        table: 'schema',
        message: `${describeObject(o)} is not part of the ledger's schema: it was added outside the ledger (${o.definition.slice(0, 200)})`,
      });
    else if (want.definition !== o.definition) {
      problems.push({
        table: 'schema',
        message: `${describeObject(o)} differs from what the migrations create: it was changed outside the ledger (${o.definition.slice(0, 200)})`,
      });
    }
  }
  for (const o of expected.values()) problems.push({ table: 'schema', message: `${describeObject(o)} is missing: it was dropped outside the ledger` });
  return problems;
}
