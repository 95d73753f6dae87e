// The PostgreSQL migration runner and the schema of migrations/postgres, on the real test server.
import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/errors.js';
import { readMigrations } from '../../src/storage/migration-files.js';
import { defaultPgMigrationsDir, migratePostgres } from '../../src/storage/postgres/pg-migrations.js';
import { freshDatabase, queryAt } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

const now = () => new Date('2026-01-01T00:00:00Z');

/** Runs `fn` with a connected client, closed after. */
async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const migrateAt = (url: string, dir = defaultPgMigrationsDir(), apply = true) =>
  withClient(url, (client) => migratePostgres(client, readMigrations(dir), now, apply));

async function failure(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

/** A copy of the real migrations in a temp folder, so a test can edit them. */
function migrationsCopy(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(defaultPgMigrationsDir(), dir, { recursive: true });
  return dir;
}

/** The SQLite schema's tables and columns, which the PostgreSQL schema must match. */
const TABLES: Record<string, string[]> = {
  events: ['seq', 'type', 'entity_id', 'recorded_at', 'payload', 'prev_hash', 'hash'],
  forecasters: ['id', 'type', 'event_seq'],
  forecaster_scores: [
    'forecaster_id',
    'hits',
    'misses',
    'no_calls',
    'binary',
    'relative_questions',
    'brier_sum',
    'log_loss_sum',
    'peer_score_sum',
    'relative_brier_sum',
  ],
  forecasts: ['id', 'question_id', 'forecaster_id', 'made_at', 'probability', 'event_seq'],
  question_scores: ['question_id', 'forecaster_id', 'section', 'verdict', 'brier', 'log_loss', 'peer_score', 'relative_brier', 'detail'],
  question_tags: ['question_id', 'tag'],
  question_updates: ['event_seq', 'type', 'question_id', 'forecast_id'],
  questions: ['id', 'kind', 'stance', 'resolve_on', 'status', 'resolution_seq', 'event_seq'],
  resolutions: ['event_seq', 'question_id', 'status', 'resolved_on', 'outcome', 'supersedes_seq'],
  schema_migrations: ['version', 'name', 'checksum', 'applied_at'],
  sources: ['id', 'event_seq'],
  stored_scores_state: ['id', 'filled'],
};

/** The schema version the package's migrations bring a database to. */
const LATEST = readMigrations(defaultPgMigrationsDir()).length;

const EVENT = (seq: number) => [seq, 'source.added', `s${seq}`, '2026-01-01T00:00:00.000Z', '{"id":"s"}', '0'.repeat(64), 'a'.repeat(64)];
const INSERT_EVENT = 'INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)';

describe('PostgreSQL migrations', () => {
  it('create the tables and columns of the SQLite schema, recording each migration with its checksum', async () => {
    const url = await freshDatabase();
    const report = await migrateAt(url);
    const files = readMigrations(defaultPgMigrationsDir());
    expect(report).toEqual({ version: files.length, applied: files.map(({ version, name, checksum }) => ({ version, name, checksum })) });
    const columns = await queryAt<{ table_name: string; column_name: string }>(
      url,
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    );
    const actual: Record<string, string[]> = {};
    for (const c of columns) (actual[c.table_name] ??= []).push(c.column_name);
    expect(actual).toEqual(TABLES);
    expect(await queryAt(url, 'SELECT version, name, length(checksum) AS len FROM schema_migrations')).toEqual(
      files.map((f) => ({ version: f.version, name: f.name, len: 64 })),
    );
  });

  it('apply nothing the second time', async () => {
    const url = await freshDatabase();
    await migrateAt(url);
    expect(await migrateAt(url)).toEqual({ version: LATEST, applied: [] });
  });

  it('all succeed when many connections open a new database at once, and each migration is applied once', async () => {
    const url = await freshDatabase();
    const reports = await Promise.all(Array.from({ length: 8 }, () => migrateAt(url)));
    expect(reports.every((r) => r.version === LATEST)).toBe(true);
    // Each migration applied by exactly one of them.
    expect(reports.flatMap((r) => r.applied.map((m) => m.version)).sort()).toEqual(Array.from({ length: LATEST }, (_, i) => i + 1));
    expect(await queryAt(url, 'SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: LATEST }]);
  });

  it('refuse an applied migration that was edited, and a newer database', async () => {
    const dir = migrationsCopy();
    const url = await freshDatabase();
    await migrateAt(url, dir);
    writeFileSync(join(dir, '0003_notes.sql'), 'CREATE TABLE notes (id integer PRIMARY KEY);\n');
    expect((await migrateAt(url, dir)).applied.map((m) => m.name)).toEqual(['notes']);
    appendFileSync(join(dir, '0003_notes.sql'), '-- edited\n');
    const edited = await failure(migrateAt(url, dir));
    expect(edited.code).toBe('migration_checksum_mismatch');
    expect(edited.message).toMatch(/0003_notes\.sql was changed after it was applied/);
    expect((await failure(migrateAt(url))).code).toBe('database_newer_than_library');
  });

  it('roll a failing migration back whole, and name its file', async () => {
    const dir = migrationsCopy();
    const url = await freshDatabase();
    await migrateAt(url, dir);
    writeFileSync(join(dir, '0003_broken.sql'), 'CREATE TABLE half (id integer);\nSELECT no_such_function();\n');
    const error = await failure(migrateAt(url, dir));
    expect(error.code).toBe('migration_failed');
    expect(error.message).toMatch(/0003_broken\.sql failed and was rolled back: function no_such_function\(\) does not exist/);
    expect(await queryAt(url, "SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
    expect(await queryAt(url, 'SELECT max(version) AS v FROM schema_migrations')).toEqual([{ v: LATEST }]);
  });

  it('with apply false, refuse a database that needs a migration and write nothing', async () => {
    const url = await freshDatabase();
    const error = await failure(migrateAt(url, defaultPgMigrationsDir(), false));
    expect(error.code).toBe('migration_pending');
    expect(error.message).toMatch(/schema version 0 and needs 2 migrations \(0001_initial\.sql, 0002_scores\.sql\)/);
    expect(await queryAt(url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
  });
});

describe('the PostgreSQL events table', () => {
  it('takes events numbered 1, 2, 3 and refuses any other seq, an update, a delete and a truncate', async () => {
    const url = await freshDatabase();
    await migrateAt(url);
    await withClient(url, async (client) => {
      await client.query(INSERT_EVENT, EVENT(1));
      for (const seq of [0, -5, 1, 3]) {
        await expect(client.query(INSERT_EVENT, EVENT(seq))).rejects.toThrow(/an event's seq must be the next number|duplicate key/);
      }
      await client.query(INSERT_EVENT, EVENT(2));
      await expect(client.query("UPDATE events SET payload = '{}' WHERE seq = 1")).rejects.toThrow(/events are append-only/);
      await expect(client.query('DELETE FROM events WHERE seq = 2')).rejects.toThrow(/events are append-only/);
      await expect(client.query('TRUNCATE events CASCADE')).rejects.toThrow(/events are append-only/);
      expect((await client.query('SELECT seq FROM events ORDER BY seq')).rows).toEqual([{ seq: '1' }, { seq: '2' }]);
    });
  });

  it('refuses a payload that is not JSON and a recorded_at that is not an ISO instant', async () => {
    const url = await freshDatabase();
    await migrateAt(url);
    await withClient(url, async (client) => {
      const bad = EVENT(1);
      bad[4] = '{"id":';
      await expect(client.query(INSERT_EVENT, bad)).rejects.toThrow(/invalid input syntax for type json/);
      const late = EVENT(1);
      late[3] = 'yesterday';
      await expect(client.query(INSERT_EVENT, late)).rejects.toThrow(/events_recorded_at_check/);
    });
  });

  it('sorts ids in byte order, as SQLite does, whatever the database locale', async () => {
    const url = await freshDatabase();
    await migrateAt(url);
    const ids = ['b', 'B', 'a-1', 'a_1', 'A', 'é', 'z'];
    await withClient(url, async (client) => {
      for (const [i, id] of ids.entries()) {
        await client.query(INSERT_EVENT, [i + 1, 'source.added', id, '2026-01-01T00:00:00.000Z', '{}', '0'.repeat(64), 'a'.repeat(64)]);
        await client.query('INSERT INTO sources (id, event_seq) VALUES ($1, $2)', [id, i + 1]);
      }
      const sorted = (await client.query<{ id: string }>('SELECT id FROM sources ORDER BY id')).rows.map((r) => r.id);
      expect(sorted).toEqual([...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    });
  });
});
