#!/usr/bin/env node
// The pages one resolution's commit writes, by table: the library (ledger.resolve) against the single-append
// raw floor (its event, its resolutions row and the UPDATE of its question, in one BEGIN IMMEDIATE … COMMIT),
// over a copy of a ledger the benchmark kept after its resolve phase:
//
//   npm run bench -- --size 100000 --phases import-lib,import-raw,resolve-lib,resolve-raw --dir D --keep
//   node bench/resolution-pages.mjs D/lib.sqlite [--count 30]
//
// Each side resolves the same `count` open questions (the first of the bench's single appends), one commit each.
// Before each commit the WAL is checkpointed and truncated; after it, the distinct page numbers of its WAL frames are
// read from the WAL file and named by the table or index that held them (SQLite's dbstat, before the run; a page
// past the end of the file then is "(new page)": a B-tree page split). In WAL mode a commit appends one frame per
// page it changed and fsyncs it at synchronous = FULL, so these counts are what each durable append writes twice
// (once to the WAL, once when checkpointed) and waits on. FORECAST_LEDGER_DIST=path/to/index.js measures another build.

import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { SyntheticLedger } from './generate.mjs';
import { appendPlan, appendResolutionRecord } from './phase-helpers.mjs';
import { rawResolution, rawStatements } from './sqlite-backend.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2];
if (!source) {
  console.error('usage: node bench/resolution-pages.mjs LEDGER.sqlite [--count 30]');
  process.exit(1);
}
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = option('--count', 30);
const dist = resolve(process.env.FORECAST_LEDGER_DIST ?? join(ROOT, 'dist', 'index.js'));
const lib = { ...(await import(pathToFileURL(dist).href)), ...(await import(pathToFileURL(join(dirname(dist), 'sqlite.js')).href)) };

// The size the benchmark used, from the ledger itself (N = 100 × forecasters).
const probe = new Database(source, { readonly: true });
const size = probe.prepare('SELECT count(*) FROM forecasters').pluck().get() * 100;
probe.close();
const gen = new SyntheticLedger(size, option('--seed', 20251129));
const questions = appendPlan(gen, { appends: 2 * count }).timed.resolves.slice(0, count);

/** Per table or index, the mean number of distinct pages each of `count` commits made by `commit(qi)` wrote. */
async function pagesPerCommit(file, commit) {
  const names = new Map();
  const db = new Database(file);
  for (const r of db.prepare('SELECT name, pageno FROM dbstat').raw().iterate()) names.set(r[1], r[0]);
  const byName = new Map();
  for (const qi of questions) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    await commit(qi);
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const pages = new Set();
    // WAL: a 32-byte header, then frames of a 24-byte header (page number first) and the page.
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.add(wal.readUInt32BE(at));
    for (const p of pages) {
      const name = names.get(p) ?? '(new page)';
      byName.set(name, (byName.get(name) ?? 0) + 1 / questions.length);
    }
  }
  db.close();
  return byName;
}

const dir = mkdtempSync(join(tmpdir(), 'forecast-ledger-pages-'));
try {
  const libFile = join(dir, 'lib.sqlite');
  copyFileSync(source, libFile);
  const ledger = await lib.openLedger(libFile);
  const library = await pagesPerCommit(libFile, (qi) => ledger.resolve(`q-${qi}`, gen.appendResolution(qi)));
  await ledger.close();

  const rawFile = join(dir, 'raw.sqlite');
  copyFileSync(source, rawFile);
  const store = lib.SqliteStore.open(rawFile);
  const s = rawStatements(store.database);
  const append = store.database.transaction((r) => rawResolution(s, s.head.get() + 1, r, new Date().toISOString(), s.current.get(r.questionId) ?? null));
  const raw = await pagesPerCommit(rawFile, (qi) => append.immediate(appendResolutionRecord(gen, qi)));
  await store.close();

  const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  const names = [...new Set([...library.keys(), ...raw.keys()])].sort((a, b) => (library.get(b) ?? 0) - (library.get(a) ?? 0));
  const width = Math.max(...names.map((n) => n.length), 'pages per resolution'.length);
  console.log(`${'pages per resolution'.padEnd(width)}  library  raw floor   (${questions.length} resolutions, N = ${size.toLocaleString('en-US')})`);
  for (const n of names) console.log(`${n.padEnd(width)}  ${(library.get(n) ?? 0).toFixed(1).padStart(7)}  ${(raw.get(n) ?? 0).toFixed(1).padStart(8)}`);
  console.log(`${'total'.padEnd(width)}  ${total(library).toFixed(1).padStart(7)}  ${total(raw).toFixed(1).padStart(8)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
