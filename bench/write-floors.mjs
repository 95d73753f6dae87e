#!/usr/bin/env node
// What the write path and verify() cannot get below, over a ledger the benchmark kept after its
// resolve phase (`npm run bench -- --size 100000 --phases import-lib,import-raw,resolve-lib,resolve-raw --dir D --keep`):
//
//   node --expose-gc bench/write-floors.mjs D/lib.sqlite [--rounds 3]
//
// Each step runs `rounds` times, interleaved; the best wall and CPU time of each are printed. The steps:
//   score rows, raw      every row of question_scores deleted and inserted again, question by question, with
//                        better-sqlite3 prepared statements bound by position (no scoring, no JSON built),
//                        in one transaction rolled back after: the least any resolve that stores the scores
//                        it computes writes on top of the resolve phase's raw floor
//   verify floor         the benchmark's verify-raw: every event row read and its SHA-256 chain recomputed
//   integrity_check      `PRAGMA integrity_check` alone, which verify() runs on SQLite (quick: false)
//   quick_check          `PRAGMA quick_check`, what verify({ quick: true }) runs instead
//   verify()             ledger.verify() over the same file
//   verify({ quick })    ledger.verify({ quick: true })

import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { readEventRows } from './sqlite-backend.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2];
if (!source) {
  console.error('usage: node --expose-gc bench/write-floors.mjs LEDGER.sqlite [--rounds 3]');
  process.exit(1);
}
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 3;
const lib = await import(pathToFileURL(resolve(process.env.FORECAST_LEDGER_DIST ?? join(ROOT, 'dist', 'index.js'))).href);

// A copy, so the kept ledger is never written to (the score-row step rolls back, but a crash would not).
const dir = mkdtempSync(join(tmpdir(), 'forecast-ledger-floors-'));
const file = join(dir, 'lib.sqlite');
copyFileSync(source, file);

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const COLUMNS = 'question_id, forecaster_id, section, verdict, brier, log_loss, peer_score, relative_brier, detail';
const byQuestion = new Map();
for (const r of db.prepare(`SELECT ${COLUMNS} FROM question_scores`).raw().iterate()) {
  const rows = byQuestion.get(r[0]);
  if (rows) rows.push(r);
  else byQuestion.set(r[0], [r]);
}
const scoreRows = [...byQuestion.values()].reduce((n, rows) => n + rows.length, 0);
const del = db.prepare('DELETE FROM question_scores WHERE question_id = ?');
const insert = db.prepare(`INSERT INTO question_scores (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);

const ledger = await lib.openLedger(file);
let events = 0;
const steps = {
  'score rows, raw': () => {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const [id, rows] of byQuestion) {
        del.run(id);
        for (const r of rows) insert.run(...r);
      }
    } finally {
      db.exec('ROLLBACK');
    }
  },
  'verify floor': () => {
    let prev = '0'.repeat(64);
    events = 0;
    for (const e of readEventRows(file)) {
      const hash = createHash('sha256').update(`${prev}\n${e.seq}\n${e.type}\n${e.entityId}\n${e.recordedAt}\n${e.payload}`).digest('hex');
      if (hash !== e.hash) throw new Error(`event ${e.seq}: hash mismatch`);
      prev = hash;
      events++;
    }
  },
  integrity_check: () => db.pragma('integrity_check'),
  quick_check: () => db.pragma('quick_check'),
  'verify()': async () => {
    const report = await ledger.verify();
    if (!report.ok) throw new Error(`verify() found problems: ${JSON.stringify(report.problems.slice(0, 2))}`);
  },
  'verify({ quick })': async () => {
    if (!(await ledger.verify({ quick: true })).ok) throw new Error('verify({ quick: true }) found problems');
  },
};
const best = Object.fromEntries(Object.keys(steps).map((k) => [k, Infinity]));
const bestCpu = Object.fromEntries(Object.keys(steps).map((k) => [k, Infinity]));
for (let round = 0; round < rounds; round++) {
  for (const [name, fn] of Object.entries(steps)) {
    globalThis.gc?.();
    const t = performance.now();
    const cpu = process.cpuUsage();
    await fn();
    best[name] = Math.min(best[name], performance.now() - t);
    const used = process.cpuUsage(cpu);
    bestCpu[name] = Math.min(bestCpu[name], (used.user + used.system) / 1000);
  }
}
await ledger.close();
db.close();
rmSync(dir, { recursive: true, force: true });

const floor = best['verify floor'];
console.log(
  `${scoreRows.toLocaleString('en-US')} score rows of ${byQuestion.size.toLocaleString('en-US')} questions; ${events.toLocaleString('en-US')} events`,
);
console.log(`| step | ms (best of ${rounds}) | × verify floor | CPU ms |`);
console.log('|:--|--:|--:|--:|');
for (const [name, ms] of Object.entries(best))
  console.log(`| ${name} | ${Math.round(ms).toLocaleString('en-US')} | ${(ms / floor).toFixed(2)} | ${Math.round(bestCpu[name]).toLocaleString('en-US')} |`);
console.log(
  `verify ratio at most ${(floor / (floor + best.integrity_check)).toFixed(3)} with only the chain walk and integrity_check (measured: ${(floor / best['verify()']).toFixed(3)})`,
);
