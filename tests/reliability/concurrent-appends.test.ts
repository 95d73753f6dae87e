// Several processes appending to one ledger at once, each write its own transaction, while another
// process verifies the ledger over and over: every acknowledged write is kept, the chain verifies
// throughout and at the end, and the history is gapless.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import { binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { start } from './processes.js';
import { scaled } from './scale.js';

const WRITERS = 4;
const APPENDS = scaled(50, 500);
const QUESTIONS = ['q-0', 'q-1', 'q-2', 'q-3', 'q-4', 'q-5', 'q-6', 'q-7'];

describe(`${WRITERS} processes × ${APPENDS} appends with a verifier running`, () => {
  it('keeps every write, and the chain verifies throughout', { timeout: 60_000 + APPENDS * WRITERS * 40 }, async () => {
    const dir = tempDir();
    const db = join(dir, 'ledger.sqlite');
    const stop = join(dir, 'stop');
    const setup = await openLedger(db);
    for (let w = 0; w < WRITERS; w++) await setup.addForecaster(forecaster(`writer-${w}`, `Writer ${w}`));
    for (const q of QUESTIONS) await setup.addQuestion(binaryQuestion(q));
    const baseEvents = (await setup.verify()).events;
    await setup.close();

    const verifier = start('verify-loop.mjs', [db, stop]);
    const writers = Array.from({ length: WRITERS }, (_, w) => start('append.mjs', [db, `writer-${w}`, `w${w}`, String(APPENDS), ...QUESTIONS]));
    const results = await Promise.all(writers.map((w) => w.done));
    writeFileSync(stop, '');
    const verified = await verifier.done;

    const acknowledged = results.flatMap((r, w) => {
      expect(r.code, `writer ${w}: ${r.stderr}`).toBe(0);
      return r.stdout.split('\n').flatMap((line) => (line.startsWith('ack ') ? [line.slice(4)] : []));
    });
    expect(acknowledged).toHaveLength(WRITERS * APPENDS);

    const loop = JSON.parse(verified.stdout) as { runs: number; failures: unknown[]; shrank: boolean };
    expect(loop.failures).toEqual([]);
    expect(loop.shrank).toBe(false);
    expect(loop.runs).toBeGreaterThan(0);

    const ledger = await openLedger(db);
    const report = await ledger.verify();
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(baseEvents + WRITERS * APPENDS);
    const ids = new Set((await ledger.listForecasts()).map((f) => f.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    // Gapless: seq runs 1…n (verify checks it too).
    const seqs = (await ledger.store.events()).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: report.events }, (_, i) => i + 1));
    await ledger.close();
    console.info(`concurrent appends: ${acknowledged.length} acknowledged, all kept; verifier ran ${loop.runs} times while writing, 0 failures`);
  });
});
