import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, expectOk, importedCopy, importedLedger, parseJson, PREDICTIONS, scratchDir } from './harness.js';
import { BuildJson, DocumentOutJson, ErrorJson, LeaderboardJson, OverdueJson, ScorecardJson, ScorecardsJson, VerifyJson } from './schemas.js';

describe('build, the main job', () => {
  it('builds the ledger from predictions/, and a second run leaves it identical and verified', async () => {
    const dir = scratchDir();
    const args = ['build', '--predictions', PREDICTIONS, '--db', 'ledger.sqlite', '--as-of', '2026-01-01'];
    const first = parseJson(BuildJson, expectOk(await cli([...args, '--json'], { cwd: dir })));
    expect(first.import.added.questions).toBeGreaterThan(80);
    expect(first.verify.ok).toBe(true);
    expect(first.due.questions).toHaveLength(10);
    expect(first.due.questions.every((q) => q.resolveOn >= '2026-01-01')).toBe(true);
    expect(first.forecasters.find((f) => f.id === 'goldman-sachs')?.made).toBeGreaterThan(0);
    expect(first.report).toBe(join(dir, 'reports', 'index.html'));
    const exported = expectOk(await cli(['export', '--db', 'ledger.sqlite'], { cwd: dir })).stdout;

    // The second run, as people see it: what comes due and one line per forecaster on stdout.
    const second = expectOk(await cli(args, { cwd: dir }));
    expect(second.stderr).toContain('added nothing');
    expect(second.stderr).toContain(`verified: ${first.verify.events} events, anchor ${first.verify.events}:${first.verify.head}`);
    expect(second.stdout).toContain('Next 10 claims to come due (as of 2026-01-01)');
    expect(second.stdout).toMatch(/^goldman-sachs: \d+ claims made, \d+ resolved, \d+ pending/m);
    expect(second.stdout).toMatch(/^geoffrey-hinton: 1 claim made, 1 resolved, 0 pending; hit rate \d+% \(\d\/1\)$/m);
    expect(expectOk(await cli(['export', '--db', 'ledger.sqlite'], { cwd: dir })).stdout).toBe(exported);
    // The overdue warning names the command that lists them (due --overdue, as of the same date), and that command lists as many.
    const warned = /(\d+) open questions are past due: list them with forecast-ledger (due --overdue --as-of 2026-01-01) --db ledger\.sqlite/.exec(
      second.stderr,
    );
    expect(warned, second.stderr).not.toBeNull();
    const listed = parseJson(OverdueJson, expectOk(await cli([...warned![2]!.split(' '), '--db', 'ledger.sqlite', '--json'], { cwd: dir })));
    expect(listed.questions).toHaveLength(Number(warned![1]));

    const html = readFileSync(first.report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|src="http/i);
    expect(html).toContain('Goldman Sachs');
  });

  it('exits with 1 when the ledger was edited behind its back, and verify names the event', async () => {
    const db = await importedCopy();
    const sqlite = new Database(db);
    sqlite.exec('DROP TRIGGER events_no_update'); // what someone editing the file by hand would do
    sqlite
      .prepare(`UPDATE events SET payload = replace(payload, '10750', '11750') WHERE seq = (SELECT max(seq) FROM events WHERE payload LIKE '%10750%')`)
      .run();
    sqlite.close();
    const verified = await cli(['verify', '--db', db, '--json']);
    expect(verified.code).toBe(1);
    const report = parseJson(VerifyJson, verified);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => /was altered/.test(p.message))).toBe(true);
    expect(verified.stderr).toContain('FAILED verification');

    const dir = scratchDir();
    const built = await cli(['build', '--predictions', PREDICTIONS, '--db', db, '--report', join(dir, 'r.html')]);
    expect(built.code).toBe(1);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });
});

describe('scorecard and leaderboard', () => {
  it('gives one forecaster’s scorecard as a table, JSON, Markdown and HTML', async () => {
    const db = await importedLedger();
    const dir = scratchDir();
    const [table, json, md, html] = await Promise.all([
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--as-of', '2026-01-01']),
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--as-of', '2026-01-01', '--json']),
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--format', 'md']),
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--format', 'html', '--out', join(dir, 'hinton.html'), '--json']),
    ]);
    expect(expectOk(table).stdout).toMatch(/^Geoffrey Hinton \(geoffrey-hinton\) — scorecard as of 2026-01-01$/m);
    expect(table.stdout).toContain('hinton-radiologists-obsolete');
    // A Chinese wording reads with its English gloss beside it, in the terminal and in the reports.
    expect(table.stdout).toContain('“將會” (“will”) → 80% yes');
    const card = parseJson(ScorecardJson, expectOk(json));
    expect(card).toMatchObject({ forecaster: { id: 'geoffrey-hinton' }, asOf: '2026-01-01', counts: { made: 1, resolved: 1 } });
    expect(expectOk(md).stdout).toMatch(/^# /);
    expect(md.stdout).toContain('“將會” (“will”) → 80% yes');
    const written = parseJson(DocumentOutJson, expectOk(html));
    expect(written.format).toBe('html');
    expect(readFileSync(written.out, 'utf8')).toContain('Geoffrey Hinton');
    expect(readFileSync(written.out, 'utf8')).toContain('“將會” (“will”) → 80% yes');
  });

  it('takes --format markdown, the canonical name, and its short form md alike', async () => {
    const db = await importedLedger();
    const [long, short, board, boardShort] = await Promise.all([
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--as-of', '2026-01-01', '--format', 'markdown']),
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--as-of', '2026-01-01', '--format', 'md']),
      cli(['leaderboard', '--db', db, '--as-of', '2026-01-01', '--format', 'markdown']),
      cli(['leaderboard', '--db', db, '--as-of', '2026-01-01', '--format', 'md']),
    ]);
    expect(expectOk(long).stdout).toMatch(/^# Scorecard: Geoffrey Hinton/);
    expect(expectOk(short).stdout).toBe(long.stdout);
    expect(expectOk(board).stdout).toMatch(/^# Leaderboard/);
    expect(expectOk(boardShort).stdout).toBe(board.stdout);
  });

  it('gives every scorecard, and the leaderboard, as JSON', async () => {
    const db = await importedLedger();
    const [all, board, table] = await Promise.all([
      cli(['scorecard', '--db', db, '--json', '--as-of', '2026-01-01']),
      cli(['leaderboard', '--db', db, '--json', '--as-of', '2026-01-01']),
      cli(['leaderboard', '--db', db]),
    ]);
    const { scorecards } = parseJson(ScorecardsJson, expectOk(all));
    expect(scorecards.map((s) => s.forecaster.id)).toContain('goldman-sachs');
    const lb = parseJson(LeaderboardJson, expectOk(board));
    expect(lb.entries.map((e) => e.forecasterId)).toEqual(['geoffrey-hinton']);
    expect(expectOk(table).stdout).toMatch(/^RANK +FORECASTER +RESOLVED/m);
  });

  it('without --as-of reads the stored scores, the same as scoring as of today from scratch', async () => {
    const db = await importedLedger();
    const today = new Date().toISOString().slice(0, 10);
    const [stored, computed, card, cardComputed] = await Promise.all([
      cli(['leaderboard', '--db', db, '--json']),
      cli(['leaderboard', '--db', db, '--json', '--as-of', today]),
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--json']),
      cli(['scorecard', 'geoffrey-hinton', '--db', db, '--json', '--as-of', today]),
    ]);
    expect(parseJson(LeaderboardJson, expectOk(stored)).entries.map((e) => e.forecasterId)).toEqual(['geoffrey-hinton']);
    expect(stored.stdout).toBe(expectOk(computed).stdout);
    expect(expectOk(card).stdout).toBe(expectOk(cardComputed).stdout);
  });

  it('refuses an unknown forecaster with the command that lists them', async () => {
    const db = await importedLedger();
    const result = await cli(['scorecard', 'nobody', '--db', db, '--json']);
    expect(result.code).toBe(3);
    expect(parseJson(ErrorJson, result).error).toMatchObject({ code: 'forecaster_not_found', hint: expect.stringContaining('forecast-ledger forecasters') });
  });
});
