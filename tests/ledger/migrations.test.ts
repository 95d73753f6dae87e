import { appendFileSync, cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LedgerError, openLedger } from '../../src/index.js';
import { type SqliteStore } from '../../src/storage/sqlite/index.js';
import { tempDir } from '../helpers/temp.js';
import { migrate, readMigrations } from '../../src/storage/sqlite/migrations.js';
import { nextMigrationPrefix, SQLITE_MIGRATIONS, SQLITE_VERSION } from '../helpers/sqlite-migrations.js';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations', 'sqlite');

/** A copy of the real migrations in a temp folder, so a test can edit them. */
function migrationsCopy(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS, dir, { recursive: true });
  return dir;
}

async function openError(path: string, migrationsDir: string): Promise<LedgerError> {
  const error = await openLedger(path, { migrationsDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describe('migrations of an SQLite database', () => {
  it('migrates an empty file to the latest schema, recording each migration with its checksum', async () => {
    const path = join(tempDir(), 'ledger.sqlite');
    const ledger = await openLedger(path);
    await ledger.close();
    const db = new Database(path, { readonly: true });
    const applied = db.prepare('SELECT version, name, length(checksum) AS len FROM schema_migrations').all();
    expect(applied).toEqual(readdirSync(MIGRATIONS).map((f, i) => ({ version: i + 1, name: f.slice(5, -4), len: 64 })));
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'events',
      'forecaster_scores',
      'forecasters',
      'forecasts',
      'question_scores',
      'question_tags',
      'question_updates',
      'questions',
      'resolutions',
      'schema_migrations',
      'sources',
      'stored_scores_state',
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('does not apply a migration twice when the ledger is reopened', async () => {
    const path = join(tempDir(), 'ledger.sqlite');
    await (await openLedger(path)).close();
    const ledger = await openLedger(path);
    expect((await ledger.store.migrate()).applied).toEqual([]);
    await ledger.close();
  });

  it('applies a new migration in order and refuses it once edited', async () => {
    const dir = migrationsCopy();
    const path = join(tempDir(), 'ledger.sqlite');
    await (await openLedger(path, { migrationsDir: dir })).close();
    const file = `${nextMigrationPrefix()}_add_note.sql`;
    const version = SQLITE_VERSION + 1;
    writeFileSync(join(dir, file), 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;\n');
    const ledger = await openLedger(path, { migrationsDir: dir });
    // Opening applied it, and the store says so.
    expect((ledger.store as SqliteStore).migratedOnOpen).toMatchObject({ version, applied: [{ version, name: 'add_note' }] });
    await ledger.close();
    const reopened = await openLedger(path, { migrationsDir: dir });
    expect((reopened.store as SqliteStore).migratedOnOpen).toEqual({ version, applied: [] });
    await reopened.close();
    appendFileSync(join(dir, file), '-- edited\n');
    const error = await openError(path, dir);
    expect(error.code).toBe('migration_checksum_mismatch');
    expect(error.message).toContain(`${file} was changed after it was applied`);
  });

  it('with migrate: false, only checks: refuses a database that needs a migration and writes nothing', async () => {
    const path = join(tempDir(), 'bare.sqlite');
    new Database(path).close();
    const error = await openLedger(path, { migrate: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('migration_pending');
    expect((error as LedgerError).message).toContain(
      `schema version 0 and needs ${SQLITE_VERSION} migrations (${SQLITE_MIGRATIONS.map((m) => m.file.split('/').pop()).join(', ')})`,
    );
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
    db.close();
    // Once migrated, migrate: false opens it and reports nothing applied.
    await (await openLedger(path)).close();
    const checked = await openLedger(path, { migrate: false });
    expect((checked.store as SqliteStore).migratedOnOpen).toEqual({ version: SQLITE_VERSION, applied: [] });
    await checked.close();
  });

  it('refuses a gap in the migration files', async () => {
    const dir = migrationsCopy();
    writeFileSync(join(dir, `${nextMigrationPrefix(2)}_skip.sql`), 'SELECT 1;\n');
    expect((await openError(join(tempDir(), 'l.sqlite'), dir)).code).toBe('migration_missing');
  });

  it('refuses a database whose applied migration has no file', async () => {
    const dir = migrationsCopy();
    const path = join(tempDir(), 'ledger.sqlite');
    writeFileSync(join(dir, `${nextMigrationPrefix()}_extra.sql`), 'SELECT 1;\n');
    await (await openLedger(path, { migrationsDir: dir })).close();
    expect((await openError(path, MIGRATIONS)).code).toBe('database_newer_than_library');
  });

  it('refuses a pending migration older than an applied one', async () => {
    const dir = migrationsCopy();
    const path = join(tempDir(), 'ledger.sqlite');
    writeFileSync(join(dir, `${nextMigrationPrefix()}_a.sql`), 'SELECT 1;\n');
    writeFileSync(join(dir, `${nextMigrationPrefix(2)}_b.sql`), 'SELECT 1;\n');
    await (await openLedger(path, { migrationsDir: dir })).close();
    const db = new Database(path);
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(SQLITE_VERSION + 1);
    db.close();
    const error = await openError(path, dir);
    expect(error.code).toBe('migration_out_of_order');
  });

  it('rolls back a failing migration entirely', async () => {
    const dir = migrationsCopy();
    const path = join(tempDir(), 'ledger.sqlite');
    writeFileSync(join(dir, `${nextMigrationPrefix()}_bad.sql`), 'CREATE TABLE half (id INTEGER) STRICT;\nTHIS IS NOT SQL;\n');
    expect((await openError(path, dir)).code).toBe('migration_failed');
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(SQLITE_VERSION);
    db.close();
  });

  it('0003 rebuilds events keeping every row and hash, so a ledger written before it verifies and takes the new event types', async () => {
    // A ledger at schema version 2: the rows a current ledger writes, copied into a file migrated with 0001 and 0002 only.
    const source = await openLedger(':memory:');
    await source.addForecaster({ id: 'alice', name: 'Alice', type: 'person' });
    await source.addQuestion({
      id: 'q',
      kind: 'binary',
      title: 'Q',
      statement: 'Will it?',
      tags: ['t'],
      resolution: { resolveOn: '2030-01-01', horizon: '2030', semantics: 'by', criteria: 'News.' },
    });
    await source.addForecast({ id: 'f', questionId: 'q', forecasterId: 'alice', madeAt: '2025-01-01', estimate: { kind: 'binary', probability: 0.6 } });
    const eventsBefore = await source.store.events();
    const from = (source.store as SqliteStore).database;
    const path = join(tempDir(), 'ledger.sqlite');
    const db = new Database(path);
    migrate(
      db,
      readMigrations(MIGRATIONS).filter((m) => m.version <= 2),
      () => new Date(),
    );
    for (const table of ['events', 'forecasters', 'questions', 'question_tags', 'forecasts']) {
      for (const row of from.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
        db.prepare(
          `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
            .map(() => '?')
            .join(', ')})`,
        ).run(...Object.values(row));
      }
    }
    db.close();
    await source.close();

    const ledger = await openLedger(path);
    expect((ledger.store as SqliteStore).migratedOnOpen.applied.map((m) => m.name)).toEqual(SQLITE_MIGRATIONS.slice(2).map((m) => m.name));
    expect(await ledger.store.events()).toEqual(eventsBefore);
    await ledger.withdrawForecast('f', { reason: 'typo' });
    const report = await ledger.verify();
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(4);
    // The rebuilt table keeps its guards: the append-only trigger and the projections' foreign keys.
    const live = (ledger.store as SqliteStore).database;
    expect(() => live.prepare('DELETE FROM events WHERE seq = 4').run()).toThrow(/append-only/);
    expect(() =>
      live.prepare("INSERT INTO forecasts (id, question_id, forecaster_id, made_at, event_seq) VALUES ('x', 'q', 'alice', '2025-01-01', 99)").run(),
    ).toThrow(/FOREIGN KEY/);
    await ledger.close();
  });
});
