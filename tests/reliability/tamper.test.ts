// The tamper catalogue: every way of editing the database file behind the library's back that we
// know of, each of which verify() must report (or which is listed below as a documented limit).
// The attacker has the SQLite shell: drops the triggers in the way, edits, puts them back.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from '../../src/history/event-hash.js';
import { LedgerError, openLedger, type VerifyReport } from '../../src/index.js';
import { SQLITE_VERSION } from '../helpers/sqlite-migrations.js';
import { openTamperLedger } from '../helpers/tamper-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { prng } from './processes.js';
import { scaled } from './scale.js';

let template: string;
let templateAnchor: string;

// Kept for the whole file (tempDir() folders go after each test).
const templateDir = mkdtempSync(join(tmpdir(), 'forecast-ledger-tamper-'));
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

beforeAll(async () => {
  template = join(templateDir, 'template.sqlite');
  const ledger = await openTamperLedger(template);
  const report = await ledger.verify();
  expect(report.ok).toBe(true);
  templateAnchor = report.anchor;
  await ledger.close(); // checkpoints the WAL: the template is one file
  // Compact, so random bytes land on pages in use rather than free ones.
  rawSql(template, 'VACUUM');
});

/** A fresh copy of the populated ledger. */
function copy(): string {
  const path = join(tempDir(), 'ledger.sqlite');
  copyFileSync(template, path);
  return path;
}

/** Runs `edit` on the raw file with foreign keys off and every trigger dropped, then restores the triggers. */
function tamper(path: string, edit: (db: Database.Database) => void): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  edit(db);
  for (const t of triggers) if (!db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(t.name)) db.exec(t.sql);
  db.close();
}

/** Raw SQL on the file, triggers left as they are. */
function rawSql(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

/** verify() on the file, opened without migrating; a LedgerError while opening or verifying is returned. */
async function verifyFile(path: string, options: { expectedHead?: string } = {}): Promise<VerifyReport | LedgerError> {
  try {
    const ledger = await openLedger(path, { migrate: false });
    try {
      return await ledger.verify(options);
    } finally {
      await ledger.close();
    }
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
}

/** The report, which must say not ok and name `table` among its problems. */
async function expectCaught(path: string, table: string, options: { expectedHead?: string } = {}): Promise<VerifyReport> {
  const report = await verifyFile(path, options);
  if (report instanceof LedgerError) throw new Error(`expected a report naming ${table}, got ${report.code}: ${report.message}`);
  expect(report.ok).toBe(false);
  expect(report.problems.map((p) => p.table)).toContain(table);
  return report;
}

const TABLES = ['events', 'sources', 'forecasters', 'questions', 'question_tags', 'forecasts', 'resolutions', 'schema_migrations'];
const LITERALS = [
  'person',
  'organization',
  'binary',
  'numeric',
  'plan',
  'goal',
  'open',
  'resolved',
  'annulled',
  'ambiguous',
  '2099-12-31',
  'q-2',
  'alice',
  'forecast.added',
  'source.added',
];

/**
 * Changes one value of `table.column` in some row, trying edits until SQLite accepts one that
 * changes the value (types and CHECK constraints still hold): what a careful forger would do.
 */
function editColumn(db: Database.Database, table: string, column: string): string {
  const key = table === 'question_tags' ? 'question_id || char(0) || tag' : 'rowid';
  const keys = db.prepare(`SELECT ${key} FROM ${table} ORDER BY 1 DESC`).pluck().all();
  const c = column;
  const candidates = [
    `${c} || ' '`,
    `${c} || 'x'`,
    `'e' || substr(${c}, 2)`,
    `'f' || substr(${c}, 2)`,
    `${c} + 1`,
    `${c} - 1`,
    `${c} + 0.125`,
    'NULL',
    '0',
    '1',
    ...LITERALS.map((l) => `'${l}'`),
  ];
  for (const k of keys) {
    for (const value of candidates) {
      try {
        if (db.prepare(`UPDATE ${table} SET ${c} = ${value} WHERE ${key} = ? AND (${value}) IS NOT ${c}`).run(k).changes === 1)
          return `${table}.${c} = ${value}`;
      } catch {
        // a constraint refused this edit: try the next
      }
    }
  }
  throw new Error(`found no edit of ${table}.${column} that SQLite accepts`);
}

/** Edits that verify() cannot see, documented in docs/storage.md: metadata outside the history. */
const UNDETECTABLE = new Set(['schema_migrations.applied_at']);

describe('tamper catalogue: every column of every table', () => {
  const columns = (() => {
    const db = new Database(':memory:');
    const out: [string, string][] = [];
    for (const file of ['0001_initial.sql', '0002_events_seq_order.sql'])
      db.exec(readFileSync(join(import.meta.dirname, '../../migrations/sqlite', file), 'utf8'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    for (const t of TABLES) for (const c of db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]) out.push([t, c]);
    db.close();
    return out;
  })();

  it('covers every column of every table', () => {
    expect(new Set(columns.map(([t]) => t))).toEqual(new Set(TABLES));
    expect(columns.length).toBe(37);
  });

  it.each(columns)('an edit of %s.%s is reported', async (table, column) => {
    const path = copy();
    tamper(path, (db) => void editColumn(db, table, column));
    const report = await verifyFile(path);
    if (UNDETECTABLE.has(`${table}.${column}`)) {
      expect(report).toMatchObject({ ok: true });
      return;
    }
    if (report instanceof LedgerError) {
      // schema_migrations edits are refused on open, before verify() runs.
      expect(table).toBe('schema_migrations');
      expect(report.code).toMatch(/^migration_|database_newer_than_library/);
      return;
    }
    expect(report.ok).toBe(false);
  });

  it.each(TABLES)('a deleted row of %s is reported', async (table) => {
    const path = copy();
    const key = table === 'question_tags' ? 'question_id' : 'rowid';
    tamper(path, (db) => db.exec(`DELETE FROM ${table} WHERE ${key} = (SELECT max(${key}) FROM ${table})`));
    const report = await verifyFile(path);
    expect(report instanceof LedgerError ? report.code : report.ok).not.toBe(true);
  });

  const firstOf = (type: string) => `(SELECT min(seq) FROM events WHERE type = '${type}')`;
  const INSERTS: [table: string, sql: string][] = [
    ['events', `INSERT INTO events SELECT seq + 1, type, entity_id, recorded_at, payload, hash, hash FROM events WHERE seq = (SELECT max(seq) FROM events)`],
    ['sources', `INSERT INTO sources VALUES ('forged', ${firstOf('forecast.added')})`],
    ['forecasters', `INSERT INTO forecasters VALUES ('forged', 'person', ${firstOf('forecast.added')})`],
    ['questions', `INSERT INTO questions VALUES ('forged', 'binary', 'forecast', '2030-01-01', 'open', NULL, ${firstOf('forecast.added')})`],
    ['question_tags', `INSERT INTO question_tags VALUES ('q-2', 'injected')`],
    ['forecasts', `INSERT INTO forecasts VALUES ('forged', 'q-2', 'alice', '2025-01-01', 0.5, ${firstOf('source.added')})`],
    ['resolutions', `INSERT INTO resolutions VALUES (${firstOf('source.added')}, 'q-3', 'resolved', '2026-01-01', 1, NULL)`],
    ['schema_migrations', `INSERT INTO schema_migrations VALUES (99, 'forged', '${'f'.repeat(64)}', '2026-01-01T00:00:00Z')`],
  ];
  it.each(INSERTS)('an inserted row of %s is reported', async (table, sql) => {
    const path = copy();
    tamper(path, (db) => db.exec(sql));
    const report = await verifyFile(path);
    if (report instanceof LedgerError) {
      expect(table).toBe('schema_migrations');
      expect(report.code).toBe('database_newer_than_library');
      return;
    }
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.table)).toContain(table === 'question_tags' ? 'question_tags' : table === 'events' ? 'events' : table);
  });
});

describe('tamper catalogue: forged events numbered below 1', () => {
  const forged = (seq: number) => {
    const fields = { seq, type: 'source.added', entityId: 'forged', recordedAt: '2020-01-01T00:00:00.000Z', payload: '{"id":"forged"}' };
    return { ...fields, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, fields) };
  };
  const insert = (db: Database.Database, seq: number) => {
    const e = forged(seq);
    db.prepare('INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      e.seq,
      e.type,
      e.entityId,
      e.recordedAt,
      e.payload,
      e.prevHash,
      e.hash,
    );
  };

  it.each([0, -1, -9_007_199_254_740_000])('the schema refuses an event with seq %i (triggers intact)', (seq) => {
    const path = copy();
    const db = new Database(path);
    expect(() => insert(db, seq)).toThrow(/numbered 1, 2, 3/);
    // …and an event out of sequence at the end too: a gap or a duplicate.
    const max = db.prepare('SELECT max(seq) FROM events').pluck().get() as number;
    expect(() => insert(db, max + 2)).toThrow(/numbered 1, 2, 3/);
    db.close();
  });

  it.each([0, -1, -9_007_199_254_740_000])(
    'verify() reports an event with seq %i forged with the trigger dropped, with and without the anchor',
    async (seq) => {
      const path = copy();
      tamper(path, (db) => insert(db, seq));
      const report = await expectCaught(path, 'events');
      expect(report.problems[0]!.message).toMatch(/out of place/);
      expect(report.firstBrokenSeq).toBe(seq);
      await expectCaught(path, 'events', { expectedHead: templateAnchor });
    },
  );
});

describe('tamper catalogue: the schema', () => {
  const SCHEMA_EDITS: [what: string, sql: string][] = [
    ['drop the append-only UPDATE trigger', 'DROP TRIGGER events_no_update'],
    ['drop the append-only DELETE trigger', 'DROP TRIGGER events_no_delete'],
    ['drop the sequence trigger', 'DROP TRIGGER events_seq_next'],
    [
      'add a trigger that rewrites forecasts',
      'CREATE TRIGGER sneaky AFTER INSERT ON forecasts BEGIN UPDATE forecasts SET probability = 1 WHERE id = NEW.id; END',
    ],
    [
      'replace a trigger by a harmless one of the same name',
      'DROP TRIGGER events_no_delete; CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END',
    ],
    ['drop an index', 'DROP INDEX forecasts_question'],
    ['add an index', 'CREATE INDEX extra ON forecasts (made_at)'],
    ['add a table', 'CREATE TABLE shadow (id INTEGER PRIMARY KEY) STRICT'],
    ['add a view', 'CREATE VIEW v AS SELECT * FROM forecasts'],
    ['drop a table', 'DROP TABLE question_tags'],
  ];
  it.each(SCHEMA_EDITS)('%s: reported', async (what, sql) => {
    const path = copy();
    rawSql(path, sql);
    if (what === 'drop a table') {
      // The ledger's statements name every table: opening it fails before verify() could run.
      expect(await verifyFile(path)).toMatchObject({ code: 'storage_error', message: expect.stringMatching(/no such table: question_tags/) });
      return;
    }
    const report = await expectCaught(path, 'schema');
    expect(report.problems.find((p) => p.table === 'schema')!.message).toMatch(/outside the ledger/);
  });

  it('the untouched ledger has exactly the schema the migrations make; ANALYZE statistics are not tampering', async () => {
    const path = copy();
    expect(await verifyFile(path)).toMatchObject({ ok: true, problems: [] });
    rawSql(path, 'ANALYZE');
    expect(await verifyFile(path)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('tamper catalogue: schema_migrations', () => {
  const EDITS: [what: string, sql: string, code: string][] = [
    ['a checksum', `UPDATE schema_migrations SET checksum = '${'f'.repeat(64)}' WHERE version = 1`, 'migration_checksum_mismatch'],
    ['a name', `UPDATE schema_migrations SET name = 'other' WHERE version = 3`, 'migration_checksum_mismatch'],
    ['a removed row', `DELETE FROM schema_migrations WHERE version = ${SQLITE_VERSION}`, 'migration_pending'],
    ['an extra row', `INSERT INTO schema_migrations VALUES (${SQLITE_VERSION + 1}, 'extra', '${'a'.repeat(64)}', '2026-01-01')`, 'database_newer_than_library'],
  ];
  it.each(EDITS)('%s: refused on open, and reported by verify() on an open ledger', async (_what, sql, code) => {
    const path = copy();
    const ledger = await openLedger(path, { migrate: false });
    rawSql(path, sql);
    // A ledger opened before the edit finds it in verify().
    const report = await ledger.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.table)).toContain('schema_migrations');
    await ledger.close();
    const reopened = await verifyFile(path);
    expect(reopened).toBeInstanceOf(LedgerError);
    expect((reopened as LedgerError).code).toBe(code);
  });
});

describe('tamper catalogue: a recomputed chain', () => {
  /** Rewrites event `seq`'s payload and recomputes every hash after it: a chain that checks out. */
  function rewriteAndRecompute(path: string, seq: number): void {
    tamper(path, (db) => {
      const rows = db
        .prepare('SELECT seq, type, entity_id AS entityId, recorded_at AS recordedAt, payload FROM events WHERE seq >= ? ORDER BY seq')
        .all(seq) as {
        seq: number;
        type: string;
        entityId: string;
        recordedAt: string;
        payload: string;
      }[];
      let prev =
        (db
          .prepare('SELECT hash FROM events WHERE seq = ?')
          .pluck()
          .get(seq - 1) as string | undefined) ?? GENESIS_HASH;
      const update = db.prepare('UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      for (const row of rows) {
        const payload = row.seq === seq ? row.payload.replace('A test article', 'A different article') : row.payload;
        expect(payload !== row.payload || row.seq !== seq).toBe(true);
        const hash = eventHash(prev, { ...row, payload });
        update.run(payload, prev, hash, row.seq);
        prev = hash;
      }
    });
  }

  it('passes verify() without an anchor (the documented limit of a hash chain), fails with one', async () => {
    const path = copy();
    rewriteAndRecompute(path, 1); // event 1 is the source: its title is in no derived table
    expect(await verifyFile(path)).toMatchObject({ ok: true });
    const report = await expectCaught(path, 'events', { expectedHead: templateAnchor });
    expect(report.problems.at(-1)!.message).toMatch(/rewritten/);
    // The anchor as an object works the same; a malformed one is an error, never a silent pass.
    const [seq, hash] = templateAnchor.split(':');
    const ledger = await openLedger(path);
    expect((await ledger.verify({ expectedHead: { seq: Number(seq), hash: hash! } })).ok).toBe(false);
    for (const bad of [hash, `${seq}:${hash!.toUpperCase()}`, ` ${templateAnchor}`, {}, [], { seq: Number(seq) }]) {
      await expect(ledger.verify({ expectedHead: bad as string })).rejects.toMatchObject({ code: 'invalid_anchor' });
    }
    await ledger.close();
  });

  it('a consistent truncation passes without an anchor, fails with one', async () => {
    const path = copy();
    tamper(path, (db) => {
      const last = db.prepare('SELECT max(seq) FROM events').pluck().get() as number;
      db.exec(`DELETE FROM resolutions WHERE event_seq = ${last};
        UPDATE questions SET status = 'open', resolution_seq = NULL WHERE id = 'q-numeric';
        DELETE FROM events WHERE seq = ${last};
        DELETE FROM question_scores WHERE question_id = 'q-numeric';
        UPDATE stored_scores_state SET filled = 0;`);
      // The stored scores are derived: marked unfilled, nothing reads them (scores are computed) and the next
      // migrating open fills them again from the records, so resetting them hides nothing that matters.
    });
    expect(await verifyFile(path)).toMatchObject({ ok: true });
    const report = await expectCaught(path, 'events', { expectedHead: templateAnchor });
    expect(report.problems.at(-1)!.message).toMatch(/not in the history.*removed/);
  });
});

describe('tamper catalogue: stored scores marked unfilled', () => {
  const scoreRows = (path: string): unknown[] => {
    const db = new Database(path, { readonly: true });
    try {
      return ['SELECT * FROM question_scores ORDER BY 1, 2', 'SELECT * FROM forecaster_scores ORDER BY 1', 'SELECT * FROM stored_scores_state'].map((sql) =>
        db.prepare(sql).all(),
      );
    } finally {
      db.close();
    }
  };

  it('verify() does not check the score tables while filled = 0; the next migrating open fills them again from the records', async () => {
    const path = copy();
    tamper(path, (db) =>
      db.exec(`UPDATE stored_scores_state SET filled = 0;
        UPDATE question_scores SET brier = 0.999 WHERE brier IS NOT NULL;
        DELETE FROM forecaster_scores WHERE forecaster_id = 'alice';`),
    );
    // Nothing reads unfilled tables (scores are computed from the records), so their content changes
    // no output: the documented limit (docs/reliability.md, "History and verify()").
    expect(await verifyFile(path)).toMatchObject({ ok: true, problems: [] });
    // Opened as usual (migrate on), the ledger refills every row before anything reads them.
    await (await openLedger(path)).close();
    expect(scoreRows(path)).toEqual(scoreRows(template));
    expect(await verifyFile(path)).toMatchObject({ ok: true });
    // Filled, the same edit is reported.
    rawSql(path, 'UPDATE question_scores SET brier = 0.999 WHERE brier IS NOT NULL');
    await expectCaught(path, 'question_scores');
  });
});

describe('tamper catalogue: byte corruption of the file', () => {
  const TRIALS = scaled(6, 40);

  /** Every row of every table, or undefined when the file cannot be read. */
  function dump(path: string): string | undefined {
    try {
      const db = new Database(path, { readonly: true });
      try {
        // schema_migrations.applied_at is a note of when a migration ran, outside the history: verify()
        // does not check it (documented in docs/reliability.md), so a flip that lands there alone is
        // not damage verify() promises to see (seen in a trial once migration 0003 moved the bytes).
        const columns = (t: string): string => (t === 'schema_migrations' ? 'version, name, checksum' : '*');
        return JSON.stringify(
          TABLES.map((t) =>
            db
              .prepare(`SELECT ${columns(t)} FROM ${t} ORDER BY 1, 2`)
              .raw()
              .all(),
          ),
        );
      } finally {
        db.close();
      }
    } catch {
      return undefined;
    }
  }

  function integrityOk(path: string): boolean {
    try {
      const db = new Database(path, { readonly: true });
      try {
        return db.pragma('integrity_check', { simple: true }) === 'ok';
      } finally {
        db.close();
      }
    } catch {
      return false;
    }
  }

  it(`random byte flips are never "ok" when they damaged the file or its data (${TRIALS} seeded trials)`, { timeout: 60_000 }, async () => {
    const original = dump(template);
    const random = prng(2026);
    const tally = { caughtByVerify: 0, refusedOnOpen: 0, harmless: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const path = copy();
      const bytes = readFileSync(path);
      const flips = 2 ** (trial % 5); // 1, 2, 4, 8 or 16 bytes
      for (let i = 0; i < flips; i++) {
        const at = 100 + Math.floor(random() * (bytes.length - 100)); // past the 100-byte file header
        bytes[at] = bytes[at]! ^ (1 + Math.floor(random() * 255));
      }
      writeFileSync(path, bytes);
      const damaged = !integrityOk(path) || dump(path) !== original;
      const report = await verifyFile(path);
      if (report instanceof LedgerError) {
        tally.refusedOnOpen++;
        continue;
      }
      if (report.ok) {
        expect(damaged, `trial ${trial}: verify() said ok on a damaged file`).toBe(false);
        tally.harmless++;
      } else tally.caughtByVerify++;
    }
    console.info(`byte corruption: ${JSON.stringify(tally)} of ${TRIALS} trials`);
  });
});
