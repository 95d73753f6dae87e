// The fill of the stored scores on PostgreSQL (issue 11): a ledger written at schema version 1, with
// resolutions, gets its score tables from migration 0002 empty and unfilled; the first open fills
// them once, under the migration's advisory lock, with the rows the ledger would have written itself.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import { readMigrations } from '../../src/storage/migration-files.js';
import { defaultPgMigrationsDir, migratePostgres } from '../../src/storage/postgres/pg-migrations.js';
import { freshDatabase, queryAt } from '../helpers/postgres.js';
import { computed, ledgerOf, NOW, richest } from '../ledger/stored-scores-ledgers.js';

const ROWS = 'SELECT * FROM question_scores ORDER BY question_id, forecaster_id';
const TOTALS = 'SELECT * FROM forecaster_scores ORDER BY forecaster_id';

/** Runs SQL as the superuser, with every trigger of the session off (foreign keys included). */
const asSuperuser = (url: string, sql: string) => queryAt(url, `BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT`);

/**
 * A ledger of random data with resolutions, as it would be at schema version 1 (before migration 0002:
 * no score tables); returns its URL and the score rows and totals the ledger wrote as it went.
 */
async function ledgerAtVersion1(): Promise<{ url: string; rows: unknown[]; totals: unknown[] }> {
  const url = await freshDatabase();
  await (await ledgerOf(richest(23), { pool: 'last', split: 1, withdraw: 2 }, () => openLedger(url, { now: () => NOW }))).close();
  const rows = await queryAt(url, ROWS);
  const totals = await queryAt(url, TOTALS);
  expect(rows.length).toBeGreaterThan(0);
  await asSuperuser(
    url,
    'DROP TABLE question_scores, forecaster_scores, stored_scores_state; DROP INDEX resolutions_resolved_on; DELETE FROM schema_migrations WHERE version = 2',
  );
  return { url, rows, totals };
}

/** Applies the pending migrations without opening a ledger (so without the fill that follows them on open). */
async function migrateOnly(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migratePostgres(client, readMigrations(defaultPgMigrationsDir()), () => NOW);
  } finally {
    await client.end();
  }
}

describe('stored scores of a PostgreSQL ledger written before migration 0002', () => {
  it('are filled on the first open with the rows the ledger wrote itself, verify, and are filled again the same once marked unfilled', async () => {
    const { url, rows, totals } = await ledgerAtVersion1();
    let ledger = await openLedger(url, { now: () => NOW });
    try {
      expect(await queryAt(url, 'SELECT filled FROM stored_scores_state')).toEqual([{ filled: true }]);
      expect(await queryAt(url, ROWS)).toEqual(rows);
      expect(await queryAt(url, TOTALS)).toEqual(totals);
      expect(await ledger.store.storedScoreTotals?.()).toBeDefined();
      expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify((await computed(ledger)).board));
      expect((await ledger.verify()).problems).toEqual([]);
    } finally {
      await ledger.close();
    }
    // Marked unfilled again (as if the fill had been interrupted), with damaged rows: not read meanwhile, and the next open fills
    // them again, the same.
    await queryAt(url, "UPDATE stored_scores_state SET filled = false; UPDATE question_scores SET detail = '{}'; UPDATE forecaster_scores SET hits = 1000");
    ledger = await openLedger(url, { now: () => NOW, migrate: false });
    try {
      expect(await ledger.store.storedScoreTotals?.()).toBeUndefined();
      expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify((await computed(ledger)).board));
    } finally {
      await ledger.close();
    }
    ledger = await openLedger(url, { now: () => NOW });
    try {
      expect(await queryAt(url, ROWS)).toEqual(rows);
      expect(await queryAt(url, TOTALS)).toEqual(totals);
      expect((await ledger.verify()).ok).toBe(true);
    } finally {
      await ledger.close();
    }
  });

  it('are filled once when several processes open the ledger at once', async () => {
    const { url, rows, totals } = await ledgerAtVersion1();
    await migrateOnly(url);
    expect(await queryAt(url, 'SELECT filled FROM stored_scores_state')).toEqual([{ filled: false }]);
    // Every fill sets `filled`: a trigger outside the ledger's schema logs each one.
    await queryAt(
      url,
      `CREATE SCHEMA probe; CREATE TABLE probe.fills (n integer);
      CREATE FUNCTION probe.log_fill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO probe.fills VALUES (1); RETURN NEW; END $$;
      CREATE TRIGGER log_fill AFTER UPDATE ON stored_scores_state FOR EACH ROW EXECUTE FUNCTION probe.log_fill()`,
    );
    const opened: Ledger[] = [];
    try {
      const opening = await Promise.allSettled(Array.from({ length: 4 }, () => openLedger(url, { now: () => NOW })));
      for (const o of opening) if (o.status === 'fulfilled') opened.push(o.value);
      expect(opening.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(await queryAt(url, 'SELECT count(*)::int AS fills FROM probe.fills')).toEqual([{ fills: 1 }]);
      expect(await queryAt(url, ROWS)).toEqual(rows);
      expect(await queryAt(url, TOTALS)).toEqual(totals);
      await queryAt(url, 'DROP TRIGGER log_fill ON stored_scores_state; DROP SCHEMA probe CASCADE');
      expect((await opened[0]!.verify()).problems).toEqual([]);
    } finally {
      for (const l of opened) await l.close();
    }
  });
});
