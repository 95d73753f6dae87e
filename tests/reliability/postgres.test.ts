// PostgreSQL under load from many processes, through the BUILT package as users run it: writers in
// separate processes append to one ledger at once, and keep one gapless chain; new databases opened
// by many processes at once are migrated once, and every open succeeds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendConcurrently } from '../helpers/concurrent-appends.js';
import { freshDatabase, queryAt } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';
import { start } from './processes.js';
import { scaled } from './scale.js';

const WRITERS = 8;
const APPENDS = scaled(60, 500);

describe(`PostgreSQL: ${WRITERS} processes × ${APPENDS} appends on one ledger, a verifier running`, () => {
  it(`keeps all ${WRITERS * APPENDS} writes in one gapless chain that verifies throughout`, { timeout: 60_000 + WRITERS * APPENDS * 50 }, async () => {
    const { acknowledged, verifierRuns } = await appendConcurrently(await freshDatabase(), WRITERS, APPENDS);
    console.info(
      `postgres appends: ${acknowledged.length} acknowledged from ${WRITERS} processes, all kept; verifier ran ${verifierRuns} times meanwhile, 0 failures`,
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
