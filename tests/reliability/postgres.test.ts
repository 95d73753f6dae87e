// PostgreSQL under load from many processes, through the BUILT package as users run it: writers in
// separate processes append to one ledger at once, and keep one gapless chain; new databases opened
// by many processes at once are migrated once, and every open succeeds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import { binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { freshDatabase, queryAt } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';
import { start } from './processes.js';
import { scaled } from './scale.js';

const WRITERS = 8;
const APPENDS = scaled(60, 500);
const QUESTIONS = ['q-0', 'q-1', 'q-2', 'q-3', 'q-4', 'q-5', 'q-6', 'q-7'];

describe(`PostgreSQL: ${WRITERS} processes × ${APPENDS} appends on one ledger, a verifier running`, () => {
  it(`keeps all ${WRITERS * APPENDS} writes in one gapless chain that verifies throughout`, { timeout: 60_000 + WRITERS * APPENDS * 50 }, async () => {
    const url = await freshDatabase();
    const stop = join(tempDir(), 'stop');
    const setup = await openLedger(url);
    for (let w = 0; w < WRITERS; w++) await setup.addForecaster(forecaster(`writer-${w}`, `Writer ${w}`));
    for (const q of QUESTIONS) await setup.addQuestion(binaryQuestion(q));
    const baseEvents = (await setup.verify()).events;
    await setup.close();

    const verifier = start('verify-loop.mjs', [url, stop]);
    const writers = Array.from({ length: WRITERS }, (_, w) => start('append.mjs', [url, `writer-${w}`, `w${w}`, String(APPENDS), ...QUESTIONS]));
    const results = await Promise.all(writers.map((w) => w.done));
    writeFileSync(stop, '');
    const verified = await verifier.done;

    const acknowledged = results.flatMap((r, w) => {
      expect(r.code, `writer ${w}: ${r.stderr}`).toBe(0);
      return r.stdout.split('\n').flatMap((line) => (line.startsWith('ack ') ? [line.slice(4)] : []));
    });
    expect(acknowledged).toHaveLength(WRITERS * APPENDS);
    expect(verified.code, verified.stderr).toBe(0);
    const loop = JSON.parse(verified.stdout) as { runs: number; failures: unknown[]; shrank: boolean };
    expect(loop.failures).toEqual([]);
    expect(loop.shrank).toBe(false);
    expect(loop.runs).toBeGreaterThan(0);

    const ledger = await openLedger(url);
    const report = await ledger.verify();
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(baseEvents + WRITERS * APPENDS);
    const ids = new Set((await ledger.listForecasts()).map((f) => f.id));
    expect(ids.size).toBe(WRITERS * APPENDS);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    const events = await ledger.store.events();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: report.events }, (_, i) => i + 1));
    // One linear chain: each event links to the one before it.
    expect(events.slice(1).every((e, i) => e.prevHash === events[i]!.hash)).toBe(true);
    await ledger.close();
    console.info(
      `postgres appends: ${acknowledged.length} acknowledged from ${WRITERS} processes, all kept; verifier ran ${loop.runs} times meanwhile, 0 failures`,
    );
  });
});

const TRIALS = scaled(2, 10);
const OPENERS = 8;

describe(`PostgreSQL: ${OPENERS} processes opening one new database at once`, () => {
  it(`all succeed, and the schema is migrated once (${TRIALS} trials)`, { timeout: 30_000 + TRIALS * 15_000 }, async () => {
    const dir = tempDir();
    for (let trial = 0; trial < TRIALS; trial++) {
      const url = await freshDatabase();
      const go = join(dir, `go-${trial}`);
      const children = Array.from({ length: OPENERS }, () => start('pg-open.mjs', [url, go]));
      // Every process is started and polling before any may open: they open together.
      await new Promise((r) => setTimeout(r, 500));
      writeFileSync(go, '');
      const results = await Promise.all(children.map((c) => c.done));
      for (const r of results) {
        expect(r.code, `trial ${trial}: ${r.stdout}${r.stderr}`).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, verified: true, problems: [] });
      }
      expect(await queryAt(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
    }
  });
});
