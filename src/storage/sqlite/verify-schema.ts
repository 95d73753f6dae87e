import Database from 'better-sqlite3';
import type { VerifyProblem } from '../types.js';
import { migrate, type MigrationFile } from './migrations.js';

/** One row of `sqlite_schema`: a table, index, trigger or view, with the SQL that made it. */
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * Every schema object except SQLite's statistics tables (`sqlite_stat1`…, which `ANALYZE` and
 * `PRAGMA optimize` create on their own and which change no data).
 */
const SCHEMA_SQL = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name";

/** The expected schema per set of migrations (files and checksums) applied. */
const expectedCache = new Map<string, readonly SchemaObject[]>();

/**
 * The schema the migrations create: they are applied to a fresh `:memory:` database and its
 * `sqlite_schema` read back. The same SQL text, so SQLite stores the same normalised statements.
 *
 * @param files - the migrations the database records as applied, in order
 * @internal
 */
export function expectedSchema(files: readonly MigrationFile[]): readonly SchemaObject[] {
  const key = files.map((f) => `${f.version}:${f.checksum}`).join(',');
  let schema = expectedCache.get(key);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      migrate(db, files, () => new Date(0));
      schema = db.prepare(SCHEMA_SQL).all() as SchemaObject[];
    } finally {
      db.close();
    }
    expectedCache.set(key, schema);
  }
  return schema;
}

const describe = (o: SchemaObject): string => `${o.type} ${o.name}${o.type === 'table' ? '' : ` (on ${o.tbl_name})`}`;

/**
 * Compares the database's schema — every table, index, trigger and view — with the one the applied
 * migrations create, and reports each object dropped, added or changed outside the ledger (a dropped
 * append-only trigger, say, or an extra trigger that rewrites rows as they are inserted).
 *
 * @param db - the ledger's connection
 * @param files - the migrations the database records as applied
 * @returns the problems found (empty when the schema is exactly the migrations')
 * @internal
 */
export function verifySchema(db: Database.Database, files: readonly MigrationFile[]): VerifyProblem[] {
  const expected = new Map(expectedSchema(files).map((o) => [`${o.type} ${o.name}`, o]));
  const actual = db.prepare(SCHEMA_SQL).all() as SchemaObject[];
  const problems: VerifyProblem[] = [];
  for (const o of actual) {
    const want = expected.get(`${o.type} ${o.name}`);
    expected.delete(`${o.type} ${o.name}`);
    if (!want)
      problems.push({ table: 'schema', message: `${describe(o)} is not part of the ledger's schema: it was added outside the ledger (${o.sql ?? 'no SQL'})` });
    else if (want.sql !== o.sql || want.tbl_name !== o.tbl_name) {
      problems.push({ table: 'schema', message: `${describe(o)} differs from what the migrations create: it was changed outside the ledger` });
    }
  }
  for (const o of expected.values()) problems.push({ table: 'schema', message: `${describe(o)} is missing: it was dropped outside the ledger` });
  return problems;
}
