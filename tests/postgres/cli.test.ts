// The built command on a PostgreSQL ledger: --db and FORECAST_LEDGER_DB take a postgres:// URL, and
// its password never reaches stdout or stderr.
import { describe, expect, it } from 'vitest';
import { cli, expectOk, PREDICTIONS } from '../cli/harness.js';
import { freshDatabase } from '../helpers/postgres.js';

describe('forecast-ledger on a postgres:// URL', () => {
  it('imports, lists, verifies and exports through --db and FORECAST_LEDGER_DB, never printing the password', async () => {
    const url = await freshDatabase();
    const password = new URL(url).password;
    expect(password.length).toBeGreaterThan(8);
    const runs = [
      expectOk(await cli(['init', '--db', url])),
      expectOk(await cli(['import', PREDICTIONS, '--db', url, '--json'])),
      expectOk(await cli(['list', '--json'], { env: { FORECAST_LEDGER_DB: url } })),
      expectOk(await cli(['verify', '--json', '--db', url])),
      expectOk(await cli(['export', '--db', url])),
      await cli(['backup', '--out', '/tmp/never-written.sqlite', '--db', url]),
      await cli(['show', 'no-such-question', '--db', url]),
    ];
    for (const run of runs) expect(`${run.stdout}\n${run.stderr}`).not.toContain(password);
    const [init, imported, listed, verified, exported, backup] = runs;
    expect(`${init!.stdout}${init!.stderr}`).toContain(`created an empty ledger at ${url.replace(password, '***')}`);
    const again = await cli(['init', '--db', url]);
    expect(`${again.stdout}${again.stderr}`).toMatch(/is already a ledger \(schema version 2\)/);
    const report = JSON.parse(imported!.stdout) as { db: string; added: { questions: number } };
    expect(report.db).toBe(url.replace(password, '***'));
    expect(report.added.questions).toBeGreaterThan(10);
    expect((JSON.parse(listed!.stdout) as { count: number }).count).toBe(report.added.questions);
    expect(JSON.parse(verified!.stdout)).toMatchObject({ ok: true, problems: [] });
    expect((JSON.parse(exported!.stdout) as { questions: unknown[] }).questions).toHaveLength(report.added.questions);
    expect(backup!.code).not.toBe(0);
    expect(backup!.stderr).toMatch(/cannot be copied to a file|cannot make backups/);
  });

  it('names the server without the password when it refuses the login', async () => {
    const url = new URL(await freshDatabase());
    url.password = 'wrong-S3cr3t-pw';
    const run = await cli(['list', '--db', url.toString()]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/password authentication failed/);
    expect(run.stderr).toContain(':***@127.0.0.1');
    expect(`${run.stdout}${run.stderr}`).not.toContain('S3cr3t');
    // The next step is the login's, not a missing file's.
    expect(run.stderr).toMatch(/next: check the user and password in the connection string/);
    expect(run.stderr).not.toMatch(/--db path|init/);
  });
});
