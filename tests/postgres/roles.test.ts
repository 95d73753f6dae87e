// The roles docs/storage.md gives a team ledger, created with that SQL: an application role that can
// only append through the library, and a read-only role for reports.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError, openLedger } from '../../src/index.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { adminQuery, dropDatabase, freshDatabase, queryAt } from '../helpers/postgres.js';

const roles: { name: string; database: string }[] = [];
afterEach(async () => {
  // The database first: its grants keep the role from being dropped.
  for (const { name, database } of roles.splice(0)) {
    await dropDatabase(database);
    await adminQuery(`DROP ROLE IF EXISTS ${name}`);
  }
});

/** A login role with a random name and password; its URL on `database`. */
async function role(database: string): Promise<{ name: string; url: string }> {
  const name = `fl_role_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await adminQuery(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`);
  roles.push({ name, database });
  const url = new URL(database);
  url.username = name;
  url.password = password;
  return { name, url: url.toString() };
}

const TABLES = 'events, sources, forecasters, questions, question_tags, forecasts, resolutions, question_updates';

async function failure(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describe('the roles of docs/storage.md', () => {
  it('lets the application role append, resolve and verify, and nothing else', async () => {
    const database = await freshDatabase();
    await (await openLedger(database)).close(); // the owner migrates
    const app = await role(database);
    const db = new URL(database).pathname.slice(1);
    await queryAt(
      database,
      `GRANT CONNECT ON DATABASE ${db} TO ${app.name}; GRANT USAGE ON SCHEMA public TO ${app.name};
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${app.name}; GRANT INSERT ON ${TABLES} TO ${app.name};
      GRANT UPDATE (status, resolution_seq, resolve_on) ON questions TO ${app.name};
      GRANT INSERT, UPDATE, DELETE ON question_scores, forecaster_scores TO ${app.name}; GRANT CREATE ON DATABASE ${db} TO ${app.name}`,
    );

    const ledger = await openLedger(app.url, { now: () => new Date('2027-01-02T00:00:00Z') });
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion());
    await ledger.addForecast(binaryForecast());
    await ledger.resolve('q-binary', { outcome: true, resolvedOn: '2027-01-01', evidence: [{ description: 'report' }] });
    // A due-date amendment updates questions.resolve_on: the role needs that column too.
    await ledger.addQuestion(binaryQuestion('q-open', '2027-03-31'));
    await ledger.amendQuestion('q-open', { resolveOn: '2027-06-30' }, { reason: 'the report moved to June' });
    expect((await ledger.verify()).problems).toEqual([]);
    await ledger.close();

    for (const sql of [
      'UPDATE forecasts SET probability = 0.1',
      'DELETE FROM forecasts',
      'TRUNCATE question_tags',
      "UPDATE events SET payload = '{}'",
      'DELETE FROM events',
    ]) {
      await expect(queryAt(app.url, sql), sql).rejects.toThrow(/permission denied/);
    }
  });

  it('lets the reports role read everything and refuses its writes with storage_error', async () => {
    const database = await freshDatabase();
    const owner = await openLedger(database);
    await owner.addForecaster(forecaster());
    await owner.close();
    const reports = await role(database);
    await queryAt(
      database,
      `GRANT CONNECT ON DATABASE ${new URL(database).pathname.slice(1)} TO ${reports.name};
      GRANT USAGE ON SCHEMA public TO ${reports.name}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reports.name}`,
    );

    const ledger = await openLedger(reports.url);
    expect((await ledger.listForecasters()).map((f) => f.id)).toEqual(['alice']);
    expect((await ledger.exportData()).forecasters).toHaveLength(1);
    const refused = await failure(ledger.addQuestion(binaryQuestion()));
    expect(refused.code).toBe('storage_error');
    expect(refused.message).toMatch(/permission denied for table events/);
    await ledger.close();
  });
});
