import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOk, importedLedger, PREDICTIONS, scratchDir } from '../cli/harness.js';

describe('forecast-ledger site', () => {
  it('writes the site and prints the path of its index page on stdout', async () => {
    const dir = scratchDir();
    const result = expectOk(await cli(['site', '--out', 'public', '--db', await importedLedger(), '--as-of', '2026-06-01'], { cwd: dir }));
    expect(result.stdout).toBe(`${join(dir, 'public', 'index.html')}\n`);
    expect(result.stderr).toMatch(/wrote the site to public: \d+ files \(20 forecaster, 96 question and 8 source pages\)/);
    expect(readFileSync(join(dir, 'public', 'questions', 'goldman-copper-lme-2027-average.html'), 'utf8')).toContain('<h1>Copper price in 2027');
  });

  it('describes what it wrote with --json, and names the site with --title', async () => {
    const dir = scratchDir();
    const result = expectOk(await cli(['site', '--out', dir, '--title', 'Pundit <tracker>', '--db', await importedLedger(), '--json'], { cwd: dir }));
    const out = JSON.parse(result.stdout) as { index: string; files: string[]; pages: Record<string, number> };
    expect(out.index).toBe(join(dir, 'index.html'));
    expect(out.pages).toEqual({ forecasters: 20, questions: 96, sources: 8 });
    expect(out.files.length).toBe(20 + 96 + 8 + 7);
    expect(readFileSync(out.index, 'utf8')).toContain('<title>Pundit &lt;tracker&gt;</title>');
  });

  it('requires --out', async () => {
    const result = await cli(['site', '--db', await importedLedger()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out');
  });

  it('is written by build --site after the report, the index path last', async () => {
    const dir = scratchDir();
    const result = expectOk(await cli(['build', '--predictions', PREDICTIONS, '--db', 'l.sqlite', '--site', 'site', '--as-of', '2026-06-01'], { cwd: dir }));
    expect(existsSync(join(dir, 'site', 'index.html'))).toBe(true);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('open site/index.html in a browser');
  });
});
