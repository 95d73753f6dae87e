#!/usr/bin/env node
// Where the leaderboard's time goes, next to what SQLite alone needs for the same rows, over a ledger
// the benchmark kept (`npm run bench -- --size 1000000 --phases import-lib,resolve-lib --dir D --keep`):
//
//   node --expose-gc bench/leaderboard-breakdown.mjs D/lib.sqlite [--rounds 3]
//
// Each step runs `rounds` times, interleaved; the best time of each is printed, with its ratio to the
// SQL aggregate. The steps:
//   sql aggregate     the benchmark's one-query mean Brier scores (bench/leaderboard-sql.mjs)
//   walk in SQL       the leaderboard's forecast query, counted inside SQLite (no row leaves it)
//   1 number/row      the same walk handing one REAL per row to JavaScript (the least a JS scorer reads)
//   5 columns/row     the same walk handing the projection columns (id, question, forecaster, made_at,
//                     probability): what a loader that skips the payloads would read
//   payloads/row      the same walk handing each payload, then JSON.parse: what listForecasts does
//   load questions    store.listQuestions({ status: 'resolved' }) (payload + current resolution)
//   build             buildLeaderboard over data loaded once (pure computation)
//   ledger.leaderboard()  the whole thing, as the benchmark times it

import { performance } from 'node:perf_hooks';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { leaderboardSql } from './leaderboard-sql.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: node --expose-gc bench/leaderboard-breakdown.mjs LEDGER.sqlite [--rounds 3]');
  process.exit(1);
}
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 3;
const lib = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
const scoring = await import(pathToFileURL(join(ROOT, 'dist', 'scoring.js')).href);

const ledger = await lib.openLedger(file);
const db = new Database(file, { readonly: true });
const WALK = `FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE +f.question_id IN (SELECT q.id FROM questions q WHERE q.status = 'resolved')`;
const asOf = '2026-06-01';
const data = {
  forecasters: await ledger.store.listForecasters(),
  questions: await ledger.store.listQuestions({ status: 'resolved', order: 'recorded' }),
  forecasts: await ledger.store.listForecasts({ questionStatus: 'resolved' }),
};

const steps = {
  'sql aggregate': () => db.prepare(leaderboardSql).all().length,
  'walk in SQL': () => db.prepare(`SELECT count(*), sum(f.probability) ${WALK}`).raw().get()[0],
  '1 number/row': () => db.prepare(`SELECT f.probability ${WALK}`).pluck().all().length,
  '5 columns/row': () => db.prepare(`SELECT f.id, f.question_id, f.forecaster_id, f.made_at, f.probability ${WALK}`).raw().all().length,
  'payloads/row': () => {
    let n = 0;
    for (const payload of db.prepare(`SELECT e.payload ${WALK} ORDER BY f.event_seq`).pluck().iterate()) n += JSON.parse(payload) ? 1 : 0;
    return n;
  },
  'load questions': async () => (await ledger.store.listQuestions({ status: 'resolved', order: 'recorded' })).length,
  build: () => scoring.buildLeaderboard(data, { asOf }).entries.length,
  'ledger.leaderboard()': async () => (await ledger.leaderboard({ asOf })).entries.length,
};

const best = {};
const rows = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, step] of Object.entries(steps)) {
    globalThis.gc?.();
    const t = performance.now();
    rows[name] = await step();
    const ms = performance.now() - t;
    best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
await ledger.close();
db.close();

const sql = best['sql aggregate'];
console.log(
  `${data.forecasts.length.toLocaleString('en-US')} forecasts on ${data.questions.length.toLocaleString('en-US')} resolved questions; best of ${rounds}`,
);
console.log('| step | ms | × SQL aggregate | rows |');
console.log('|:--|--:|--:|--:|');
for (const name of Object.keys(steps))
  console.log(`| ${name} | ${Math.round(best[name]).toLocaleString('en-US')} | ${(best[name] / sql).toFixed(2)} | ${rows[name].toLocaleString('en-US')} |`);
