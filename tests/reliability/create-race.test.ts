// Issue 9, item 1: `import good.json --db new.sqlite & import bad.json --db new.sqlite`. The failed
// import used to delete the database it thought it had created (decided by existsSync before
// opening), taking the good import's acknowledged data with it. No command deletes a database now.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionFile } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { CLI, run, start } from './processes.js';
import { scaled } from './scale.js';

const TRIALS = scaled(4, 30);

describe('two imports creating one new ledger at once', () => {
  it(`never loses the import that said "imported" (${TRIALS} trials)`, { timeout: 20_000 + TRIALS * 5_000 }, async () => {
    const dir = tempDir();
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(predictionFile(20)));
    // Valid JSON that fails validation only after the ledger is opened (and created).
    writeFileSync(
      bad,
      JSON.stringify({ ...predictionFile(3, 'bad'), forecasts: (predictionFile(1, 'bad').forecasts ?? []).map((f) => ({ ...f, forecasterId: 'nobody' })) }),
    );
    const outcomes = { goodImported: 0, badRefused: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = join(dir, `new-${trial}.sqlite`);
      // Alternate which one starts first, so each gets to create the file.
      const order = trial % 2 === 0 ? [good, bad] : [bad, good];
      const [first, second] = order.map((file) => start(CLI, ['import', file, '--db', db]));
      const results = await Promise.all([first!.done, second!.done]);
      const goodResult = results[order.indexOf(good)]!;
      const badResult = results[order.indexOf(bad)]!;
      expect(badResult.code, badResult.stderr).toBe(3); // forecaster_not_found
      outcomes.badRefused++;
      if (!/imported/.test(goodResult.stderr + goodResult.stdout)) continue;
      outcomes.goodImported++;
      expect(existsSync(db), `trial ${trial}: the good import said "imported" but ${db} is gone`).toBe(true);
      const verified = await run(CLI, ['verify', '--json', '--db', db]);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
      const exported = JSON.parse((await run(CLI, ['export', '--db', db])).stdout) as { questions: unknown[]; forecasts: unknown[] };
      expect([exported.questions.length, exported.forecasts.length]).toEqual([20, 20]);
    }
    // Every trial's good import succeeds: the bad one never gets in its way.
    expect(outcomes).toEqual({ goodImported: TRIALS, badRefused: TRIALS });
  });
});
