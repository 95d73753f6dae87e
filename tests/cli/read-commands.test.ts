import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS, SQLITE_VERSION } from '../helpers/sqlite-migrations.js';
import { cli, expectOk, importedLedger, parseJson, PREDICTIONS, scratchDir } from './harness.js';
import {
  DueJson,
  ExportJson,
  DocumentOutJson,
  ForecastersJson,
  ImportJson,
  InitJson,
  ListJson,
  MigrateJson,
  OverdueJson,
  ShowJson,
  VerifyJson,
} from './schemas.js';

const COPPER = 'goldman-copper-lme-2027-average';

describe('init, migrate and import', () => {
  it('creates an empty ledger, then reports on it without changing it', async () => {
    const db = join(scratchDir(), 'new.sqlite');
    const first = parseJson(InitJson, expectOk(await cli(['init', '--db', db, '--json'])));
    expect(first).toMatchObject({ db, created: true, schemaVersion: SQLITE_VERSION, counts: { questions: 0 } });
    // $FORECAST_LEDGER_DB names the ledger when --db is not given, relative to the working directory.
    const again = await cli(['init', '--json'], { cwd: join(db, '..'), env: { FORECAST_LEDGER_DB: 'new.sqlite' } });
    expect(parseJson(InitJson, expectOk(again))).toMatchObject({ db, created: false, schemaVersion: SQLITE_VERSION });
    expect(again.stderr).toContain('is already a ledger');
    const migrated = parseJson(MigrateJson, expectOk(await cli(['migrate', '--db', db, '--json'])));
    expect(migrated).toEqual({ db, schemaVersion: SQLITE_VERSION, applied: [] });
  });

  it('migrates a database made before any migration, and says which migrations it applied', async () => {
    const db = join(scratchDir(), 'bare.sqlite');
    new Database(db).close(); // an SQLite file with no schema yet: every migration is pending
    const first = await cli(['migrate', '--db', db, '--json']);
    const migrated = parseJson(MigrateJson, expectOk(first));
    expect(migrated.schemaVersion).toBe(SQLITE_VERSION);
    expect(migrated.applied.map((m) => [m.version, m.name])).toEqual(SQLITE_MIGRATIONS.map((m) => [m.version, m.name]));
    expect(migrated.applied.slice(0, 4).map((m) => m.name)).toEqual(['initial', 'events_seq_order', 'question_life', 'scores']);
    const appliedList = SQLITE_MIGRATIONS.map((m) => `${m.version} (${m.name})`).join(', ');
    expect(first.stderr).toContain(`applied ${appliedList}; schema version ${SQLITE_VERSION}`);
    const second = await cli(['migrate', '--db', db, '--json']);
    expect(parseJson(MigrateJson, expectOk(second)).applied).toEqual([]);
    expect(second.stderr).toContain('none pending');
    // init on such a file says what opening it applied, instead of "nothing changed".
    const older = join(scratchDir(), 'older.sqlite');
    new Database(older).close();
    const init = await cli(['init', '--db', older]);
    expect(expectOk(init).stderr).toContain(
      `is already a ledger (schema version ${SQLITE_VERSION}): 0 questions, 0 forecasts; applied migrations ${appliedList}`,
    );
  });

  it('imports the dataset, and a second import adds nothing', async () => {
    const db = await importedLedger();
    const again = expectOk(await cli(['import', PREDICTIONS, '--db', db, '--json']));
    const report = parseJson(ImportJson, again);
    expect(report.files).toHaveLength(9);
    expect(Object.values(report.added).every((n) => n === 0)).toBe(true);
    expect(report.unchanged.questions).toBeGreaterThan(80);
    expect(again.stderr).toMatch(/imported 9 files into .*: added nothing; \d+ records were already there/);
  });
});

describe('list', () => {
  it('filters by status, kind, tag and forecaster together', async () => {
    const db = await importedLedger();
    const { questions, count } = parseJson(
      ListJson,
      expectOk(await cli(['list', '--db', db, '--json', '--status', 'open', '--kind', 'numeric', '--tag', 'copper', '--forecaster', 'goldman-sachs'])),
    );
    expect(count).toBe(questions.length);
    expect(questions.map((q) => q.question.id)).toContain(COPPER);
    for (const q of questions) {
      expect(q).toMatchObject({ status: 'open', question: { kind: 'numeric' } });
      expect(q.question.tags).toContain('copper');
      expect(q.forecasters).toContain('goldman-sachs');
    }
  });

  it('keeps questions due within a span of --as-of, by due date', async () => {
    const db = await importedLedger();
    const { questions } = parseJson(ListJson, expectOk(await cli(['list', '--db', db, '--json', '--due-within', '90d', '--as-of', '2026-01-01'])));
    expect(questions.length).toBeGreaterThan(0);
    const due = questions.map((q) => q.question.resolution.resolveOn);
    expect(due.every((d) => d >= '2026-01-01' && d <= '2026-04-01')).toBe(true);
    expect(due).toEqual([...due].sort());
  });

  it('prints a table for people and the count on stderr', async () => {
    const db = await importedLedger();
    const result = expectOk(await cli(['list', '--db', db, '--due-before', '2026-03-01']));
    expect(result.stdout.split('\n')[0]).toMatch(/^DUE +STATUS +KIND +ID +TITLE$/);
    expect(result.stderr).toMatch(/^\d+ questions?; see one with: forecast-ledger show <id>/);
  });
});

describe('show, forecasters, due', () => {
  it('shows a question with its forecasts and its history, hash-chained', async () => {
    const db = await importedLedger();
    const [json, text] = await Promise.all([cli(['show', COPPER, '--db', db, '--json']), cli(['show', COPPER, '--db', db])]);
    const shown = parseJson(ShowJson, expectOk(json));
    expect(shown.question.id).toBe(COPPER);
    expect(shown.forecasts.map((f) => f.forecasterId)).toEqual(['goldman-sachs']);
    expect(shown.history.map((e) => e.type)).toEqual(['question.added', 'forecast.added']);
    for (const e of shown.history) expect(expectOk(text).stdout).toContain(e.hash);
    expect(text.stdout).toContain('10,750 USD/t');
  });

  it('shows each verbal wording with its English gloss: from the scale, or from the forecast when it is not on one', async () => {
    const db = await importedLedger();
    const [onScale, custom] = await Promise.all([
      cli(['show', 'nvidia-finances-openai-buildout', '--db', db]),
      cli(['show', 'stargate-500b-invested-by-2029', '--db', db]),
    ]);
    expect(expectOk(onScale).stdout).toContain('“將” (“will”) → 80% yes');
    expect(expectOk(custom).stdout).toContain('“宣佈” (“announced”) → 80% yes');
  });

  it('counts each forecaster’s claims made, resolved and pending', async () => {
    const db = await importedLedger();
    const result = expectOk(await cli(['forecasters', '--db', db, '--json', '--as-of', '2026-01-01']));
    const { asOf, forecasters } = parseJson(ForecastersJson, result);
    expect(asOf).toBe('2026-01-01');
    const goldman = forecasters.find((f) => f.id === 'goldman-sachs')!;
    expect(goldman.made).toBe(goldman.resolved + goldman.pending + goldman.annulled + goldman.ambiguous);
    expect(goldman.made).toBeGreaterThan(0);
    const hinton = forecasters.find((f) => f.id === 'geoffrey-hinton')!;
    expect(hinton).toMatchObject({ resolved: 1, hitRate: { n: 1 } });
    // Most claims first, then by id.
    const order = forecasters.map((f) => [-f.made, f.id] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    expect(forecasters[0]!.id).toBe('andrej-karpathy');
  });

  it('lists what comes due next and counts the overdue', async () => {
    const db = await importedLedger();
    const [json, text] = await Promise.all([
      cli(['due', '--db', db, '--json', '--as-of', '2026-01-01', '--limit', '3']),
      cli(['due', '--db', db, '--as-of', '2026-06-01']),
    ]);
    const report = parseJson(DueJson, expectOk(json));
    expect(report.asOf).toBe('2026-01-01');
    expect(report.questions).toHaveLength(3);
    expect(report.questions[0]!.daysLeft).toBeGreaterThanOrEqual(0);
    expect(expectOk(text).stderr).toMatch(/warning: \d+ open questions are overdue: forecast-ledger due --overdue/);
  });
});

describe('due --overdue', () => {
  it('lists every open question past due, longest overdue first, with the data or judge that would resolve it, and records nothing', async () => {
    const db = await importedLedger();
    const [json, text] = await Promise.all([
      cli(['due', '--overdue', '--db', db, '--json', '--as-of', '2026-01-01']),
      cli(['due', '--overdue', '--db', db, '--as-of', '2026-01-01']),
    ]);
    const report = parseJson(OverdueJson, expectOk(json));
    expect(report.asOf).toBe('2026-01-01');
    expect(report.overdue).toBe(report.questions.length);
    const ids = report.questions.map((q) => q.id);
    // Open and past due on 2026-01-01; the Hinton question is resolved and the enrollment one annulled, so neither is listed.
    expect(ids).toEqual(
      expect.arrayContaining(['karpathy-nanochat-build-video', 'genesis-mission-eo-signed-2025-11-24', 'genesis-eo-directs-national-labs-ai-rd']),
    );
    expect(ids).not.toContain('hinton-radiologists-obsolete');
    expect(ids).not.toContain('us-new-international-enrollment-fall-2025');
    expect(report.questions.every((q) => q.resolveOn < '2026-01-01' && q.daysLeft < 0)).toBe(true);
    expect(report.questions.map((q) => q.resolveOn)).toEqual(report.questions.map((q) => q.resolveOn).sort());
    expect(report.questions.filter((q) => !q.resolution.data && !q.resolution.judge).map((q) => q.id)).toEqual([]);
    expect(report.questions.find((q) => q.id === 'karpathy-nanochat-build-video')).toMatchObject({
      resolveOn: '2025-10-19',
      daysLeft: -74,
      forecasters: ['andrej-karpathy'],
      resolution: { data: { publisher: 'Andrej Karpathy' } },
    });
    expect(expectOk(text).stdout).toMatch(/^DUE +WHEN +ID +RESOLVED BY/m);
    expect(text.stdout).toMatch(/2025-10-19 +74 days ago +karpathy-nanochat-build-video +Andrej Karpathy: YouTube channel/);
    expect(text.stderr).toContain('forecast-ledger resolve <question>');
    // Read-only: the questions are still open afterwards.
    const again = parseJson(OverdueJson, expectOk(await cli(['due', '--overdue', '--db', db, '--json', '--as-of', '2026-01-01'])));
    expect(again.questions.map((q) => q.id)).toEqual(ids);
  });

  it('says how many more there are when --limit cuts the list, for due and due --overdue', async () => {
    const db = await importedLedger();
    const all = parseJson(DueJson, expectOk(await cli(['due', '--db', db, '--json', '--as-of', '2026-01-01', '--limit', '1000'])));
    const cut = await cli(['due', '--db', db, '--as-of', '2026-01-01', '--limit', '3']);
    const rest = all.questions.length - 3;
    expect(rest).toBeGreaterThan(0);
    expect(all.more).toBe(0);
    expect(expectOk(cut).stderr).toContain(`…and ${rest} more (--limit ${all.questions.length} shows them)`);
    expect(parseJson(DueJson, expectOk(await cli(['due', '--db', db, '--json', '--as-of', '2026-01-01', '--limit', '3']))).more).toBe(rest);
    const overdue = parseJson(OverdueJson, expectOk(await cli(['due', '--overdue', '--db', db, '--json', '--as-of', '2026-01-01'])));
    expect(overdue.overdue).toBeGreaterThan(1);
    const overdueCut = expectOk(await cli(['due', '--overdue', '--db', db, '--as-of', '2026-01-01', '--limit', '1']));
    expect(overdueCut.stderr).toContain(`…and ${overdue.overdue - 1} more (--limit ${overdue.overdue} shows them)`);
    expect(overdueCut.stderr).toContain('forecast-ledger review');
  });

  it('exits 1 with --fail-if-any while a question is overdue, and 0 when none is', async () => {
    const db = await importedLedger();
    const failing = await cli(['due', '--overdue', '--fail-if-any', '--db', db, '--as-of', '2026-01-01']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/karpathy-nanochat-build-video/);
    expect((await cli(['due', '--fail-if-any', '--db', db, '--as-of', '2026-01-01'])).code).toBe(1);
    expect(expectOk(await cli(['due', '--overdue', '--fail-if-any', '--db', db, '--as-of', '2025-10-01'])).code).toBe(0);
    expect((await cli(['due', '--overdue', '--db', db, '--as-of', '2026-01-01'])).code).toBe(0);
  });

  it('says so when nothing is past due', async () => {
    const db = await importedLedger();
    const result = expectOk(await cli(['due', '--overdue', '--db', db, '--json', '--as-of', '2025-10-01']));
    expect(parseJson(OverdueJson, result)).toEqual({ asOf: '2025-10-01', overdue: 0, questions: [] });
    expect(expectOk(await cli(['due', '--overdue', '--db', db, '--as-of', '2025-10-01'])).stderr).toContain('no open question is past due on 2025-10-01');
  });
});

describe('verify and export', () => {
  it('verifies a clean ledger and prints its anchor, the string --expect-head takes', async () => {
    const db = await importedLedger();
    const result = expectOk(await cli(['verify', '--db', db, '--json']));
    const report = parseJson(VerifyJson, result);
    expect(report).toMatchObject({ ok: true, problems: [], anchor: `${report.events}:${report.head}` });
    expect(result.stderr).toContain(`anchor ${report.anchor}`);
    expect(expectOk(await cli(['verify', '--db', db, '--expect-head', report.anchor])).code).toBe(0);
    // A bare hash (what the docs once said to keep) is refused, not silently skipped.
    const bare = await cli(['verify', '--db', db, '--expect-head', report.head]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/invalid|a bare hash is not enough/);
  });

  it('exports JSON that imports into an empty ledger with the same contents', async () => {
    const db = await importedLedger();
    const dir = scratchDir();
    const out = parseJson(DocumentOutJson, expectOk(await cli(['export', '--db', db, '--out', join(dir, 'backup.json'), '--json'])));
    const snapshot = parseJson(ExportJson, { code: 0, stderr: '', stdout: readFileSync(out.out, 'utf8') });
    expect(snapshot.questions.length).toBeGreaterThan(80);
    const copy = join(dir, 'restored.sqlite');
    expectOk(await cli(['import', out.out, '--db', copy]));
    const restored = expectOk(await cli(['export', '--db', copy])).stdout;
    expect(restored).toBe(readFileSync(out.out, 'utf8'));
  });

  it('exports CSV per RFC 4180: a header, CRLF records, quoted fields', async () => {
    const db = await importedLedger();
    const { stdout } = expectOk(await cli(['export', '--db', db, '--format', 'csv']));
    expect(stdout.endsWith('\r\n')).toBe(true);
    const header = stdout.slice(0, stdout.indexOf('\r\n')).split(',');
    expect(header.slice(0, 3)).toEqual(['question_id', 'question_title', 'kind']);
    expect(stdout).toMatch(/\r\ngoldman-copper-lme-2027-average,"?Copper price in 2027 \(LME, annual average\)"?,numeric,/);
    expect(stdout).toContain('"Copper price in 2027 (LME, annual average)"');
    // No bare LF: every line break inside a field is inside quotes, records end with CRLF.
    const unquoted = stdout.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
    expect(
      unquoted
        .split('\r\n')
        .filter(Boolean)
        .every((line) => line.split(',').length === header.length),
    ).toBe(true);
  });

  it('exports an RFC 5545 calendar: one all-day event per question, folded at 75 octets, CRLF, escaped text', async () => {
    const db = await importedLedger();
    const dir = scratchDir();
    const file = join(dir, 'cal', 'due.ics');
    expectOk(await cli(['export', '--db', db, '--format', 'ics', '--out', file]));
    expect(existsSync(file)).toBe(true);
    const ics = readFileSync(file, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toContain('\n');
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    const questions = readdirSync(PREDICTIONS).reduce(
      (n, f) => n + ((JSON.parse(readFileSync(join(PREDICTIONS, f), 'utf8')) as { questions?: unknown[] }).questions?.length ?? 0),
      0,
    );
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(questions);
    const copper = unfolded.slice(unfolded.indexOf(`UID:${COPPER}@forecast-ledger`));
    const event = copper.slice(0, copper.indexOf('END:VEVENT'));
    expect(event).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(event).toContain('\r\nDTSTART;VALUE=DATE:20271231\r\n');
    expect(event).toContain('\r\nDTEND;VALUE=DATE:20280101\r\n');
    expect(event).toContain('\r\nSUMMARY:Due: Copper price in 2027 (LME\\, annual average)\r\n');
    expect(event).toMatch(/\r\nDESCRIPTION:.*\\n\\nResolution criteria: LME copper \(Grade A\) official cash settlement price\\, averaged/);
    expect(event).not.toMatch(/[^\\][,;](?=[^\r]*\r\nTRANSP)/); // commas and semicolons in text are escaped
  });
});

describe('--as-of and --recorded-by on scores', () => {
  it('scores Hinton as things stood: his 2025-10-18 resolution is pending as of 2025-10-01 and a miss as of 2025-11-01', async () => {
    const db = await importedLedger();
    const card = async (asOf: string) =>
      JSON.parse(expectOk(await cli(['scorecard', 'geoffrey-hinton', '--db', db, '--format', 'json', '--as-of', asOf])).stdout);
    const [before, after] = await Promise.all([card('2025-10-01'), card('2025-11-01')]);
    expect([before.counts.resolved, before.counts.pending]).toEqual([0, 1]);
    expect([after.counts.resolved, after.hitRate.misses]).toEqual([1, 1]);
    const board = expectOk(await cli(['leaderboard', '--db', db, '--as-of', '2025-10-01']));
    expect(board.stdout).toContain('Ranked by the lower bound of the 95% Wilson interval');
    expect(board.stdout).not.toMatch(/^\d+ +geoffrey-hinton/m);
  });

  it('takes --recorded-by: nothing was recorded by 2000-01-01, so nobody is ranked', async () => {
    const db = await importedLedger();
    const board = JSON.parse(expectOk(await cli(['leaderboard', '--db', db, '--format', 'json', '--recorded-by', '2000-01-01'])).stdout);
    expect([board.asOf, board.entries]).toEqual(['2000-01-01', []]);
    expect((await cli(['leaderboard', '--db', db, '--recorded-by', 'soon'])).code).toBe(2);
  });
});
