import { describe, expect, it } from 'vitest';
import { adminQuery, freshDatabase, queryAt } from '../helpers/postgres.js';

const tables = "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'";
let earlier = '';

describe('the test PostgreSQL server', () => {
  it('gives each test a new, empty database of its own', async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    expect(a).not.toBe(b);
    await queryAt(a, 'CREATE TABLE t (x int)');
    expect(await queryAt(a, tables)).toEqual([{ n: 1 }]);
    expect(await queryAt(b, tables)).toEqual([{ n: 0 }]);
    earlier = new URL(a).pathname.slice(1);
  });

  it('drops the databases of a test after it', async () => {
    expect(earlier).toMatch(/^fl_[0-9a-f]{16}$/);
    expect(await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [earlier])).toEqual([]);
  });
});
