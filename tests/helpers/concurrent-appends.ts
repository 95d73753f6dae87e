// Several processes appending to one ledger at once while another verifies it over and over, and the
// checks that every acknowledged write was kept in one gapless chain: shared by the SQLite test
// (tests/reliability/concurrent-appends.test.ts) and the PostgreSQL one (tests/reliability/postgres.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openLedger } from '../../src/index.js';
import { start } from '../reliability/processes.js';
import { binaryQuestion, forecaster } from './fixtures.js';
import { tempDir } from './temp.js';

/** The questions the writers append forecasts to, in turn. */
const QUESTIONS = ['q-0', 'q-1', 'q-2', 'q-3', 'q-4', 'q-5', 'q-6', 'q-7'];

/** What {@link appendConcurrently} saw. */
export interface ConcurrentAppends {
  /** The ids of every forecast a writer reported as committed. */
  acknowledged: string[];
  /** How many times the verifier ran while the writers wrote. */
  verifierRuns: number;
}

/**
 * Adds `writers` forecasters and the questions to the ledger at `target` (a file or a URL), then runs
 * `writers` processes of `appends` forecasts each (tests/reliability/workers/append.mjs) with a
 * verifier process looping meanwhile (verify-loop.mjs); checks that every writer and the verifier
 * exited 0 and no verify() run failed, then that the ledger holds each acknowledged forecast in one
 * gapless chain that verifies.
 */
export async function appendConcurrently(target: string, writers: number, appends: number): Promise<ConcurrentAppends> {
  const stop = join(tempDir(), 'stop');
  const setup = await openLedger(target);
  for (let w = 0; w < writers; w++) await setup.addForecaster(forecaster(`writer-${w}`, `Writer ${w}`));
  for (const q of QUESTIONS) await setup.addQuestion(binaryQuestion(q));
  const baseEvents = (await setup.verify()).events;
  await setup.close();

  const verifier = start('verify-loop.mjs', [target, stop]);
  const running = Array.from({ length: writers }, (_, w) => start('append.mjs', [target, `writer-${w}`, `w${w}`, String(appends), ...QUESTIONS]));
  const results = await Promise.all(running.map((w) => w.done));
  writeFileSync(stop, '');
  const verified = await verifier.done;

  const acknowledged = results.flatMap((r, w) => {
    expect(r.code, `writer ${w}: ${r.stderr}`).toBe(0);
    return r.stdout.split('\n').flatMap((line) => (line.startsWith('ack ') ? [line.slice(4)] : []));
  });
  expect(acknowledged).toHaveLength(writers * appends);
  expect(verified.code, verified.stderr).toBe(0);
  const loop = JSON.parse(verified.stdout) as { runs: number; failures: unknown[]; shrank: boolean };
  expect(loop.failures).toEqual([]);
  expect(loop.shrank).toBe(false);
  expect(loop.runs).toBeGreaterThan(0);

  const ledger = await openLedger(target);
  try {
    const report = await ledger.verify();
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(baseEvents + writers * appends);
    const ids = new Set((await ledger.listForecasts()).map((f) => f.id));
    expect(ids.size).toBe(writers * appends);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    // Gapless (seq runs 1…n) and one linear chain: each event links to the one before it (verify checks both too).
    const events = await ledger.store.events();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: report.events }, (_, i) => i + 1));
    expect(events.slice(1).every((e, i) => e.prevHash === events[i]!.hash)).toBe(true);
  } finally {
    await ledger.close();
  }
  return { acknowledged, verifierRuns: loop.runs };
}
