import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands.js';
import { EXIT_CODE_TABLE } from '../../src/cli/exit-codes.js';
import { cli, expectOk, parseJson, ROOT } from './harness.js';
import { ErrorJson } from './schemas.js';

const NAMES = [
  'init',
  'migrate',
  'import',
  'import-from',
  'aggregate',
  'list',
  'show',
  'forecasters',
  'predict',
  'forecast',
  'add',
  'resolve',
  'annul',
  'correct',
  'clarify',
  'amend',
  'comment',
  'withdraw',
  'due',
  'review',
  'scorecard',
  'leaderboard',
  'export',
  'backup',
  'verify',
  'site',
  'build',
];

describe('forecast-ledger --help', () => {
  it('lists every command, the global options, the environment and the exit codes', async () => {
    const { stdout, stderr } = expectOk(await cli(['--help']));
    for (const name of NAMES) expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(stdout).toContain('--db <file|url>');
    expect(stdout).toContain('FORECAST_LEDGER_DB');
    expect(stdout).toContain('NO_COLOR');
    for (const code of ['0', '1', '2', '3', '4', '5', '70']) expect(stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    expect(stderr).toBe('');
  });

  it('has a usage line, a summary and examples for every command in the table', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(NAMES);
    for (const c of COMMANDS) {
      expect(c.usage.startsWith(c.name)).toBe(true);
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.examples.length).toBeGreaterThan(0);
      for (const e of c.examples) expect(e.command.startsWith(c.name)).toBe(true);
    }
  });

  it('is documented in docs/cli.md: every command, option and exit code', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    for (const c of COMMANDS) {
      expect(docs).toContain(`### ${c.name}\n`);
      for (const option of Object.keys(c.options)) expect(docs, `--${option} of ${c.name}`).toContain(`--${option}`);
    }
    for (const { code } of EXIT_CODE_TABLE) expect(docs).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('shows a command’s usage, options and examples, without touching a database', async () => {
    const results = await Promise.all(['import', 'export', 'scorecard'].map((name) => cli([name, '--help', '--db', '/nonexistent/dir/x.sqlite'])));
    for (const [i, name] of ['import', 'export', 'scorecard'].entries()) {
      const { stdout } = expectOk(results[i]!);
      expect(stdout).toContain(`Usage: forecast-ledger ${name}`);
      expect(stdout).toMatch(/Examples:\n {2}# .+\n {2}\$ forecast-ledger /);
      expect(stdout).toContain('Exit codes:');
    }
  });

  it('answers `help <command>` like `<command> --help`', async () => {
    const [a, b] = await Promise.all([cli(['help', 'resolve']), cli(['resolve', '-h'])]);
    expect(expectOk(a).stdout).toBe(expectOk(b).stdout);
    expect(a.stdout).toContain('--evidence-url <url>');
  });

  it('prints the version', async () => {
    const { stdout } = expectOk(await cli(['--version']));
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('usage errors exit with 2', () => {
  it('without a command, prints the command list on stderr', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Commands:');
    expect(result.stderr).toContain('error: no command given');
  });

  it('suggests the closest command for a typo', async () => {
    const result = await cli(['lsit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "lsit": did you mean "list"?');
    expect(result.stderr).toContain('next: see the commands: forecast-ledger --help');
  });

  it('suggests the closest option for a typo, as JSON with --json', async () => {
    const result = await cli(['list', '--stauts', 'open', '--json']);
    expect(result.code).toBe(2);
    const { error } = parseJson(ErrorJson, result);
    expect(error).toMatchObject({ code: 'usage_error', exitCode: 2, message: 'unknown option --stauts for "list": did you mean --status?' });
  });

  it('names a missing argument and a missing required option', async () => {
    const [noId, noOutcome] = await Promise.all([cli(['show']), cli(['resolve', 'q', '--resolved-on', '2026-01-01', '--evidence', 'e'])]);
    expect([noId.code, noOutcome.code]).toEqual([2, 2]);
    expect(noId.stderr).toContain('show: missing <id>');
    expect(noOutcome.stderr).toContain('resolve: --outcome is required');
  });
});
