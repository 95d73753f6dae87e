import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, writeSite, type Ledger, type WriteSiteResult } from '../../src/index.js';
import { formatEstimate } from '../../src/format/values.js';
import { dateTicks } from '../../src/scoring/scorecard/_html.js';
import { buildLeaderboard, buildScorecard, renderReport, renderScorecard, type ScoringData } from '../../src/scoring/index.js';
import { SITE_CSP } from '../../src/site/site-layout.js';
import { LedgerError, type LedgerErrorCode } from '../../src/errors.js';
import { tempDir } from '../helpers/temp.js';
import { EVIL, hostileLedger } from './hostile-ledger.js';

let ledger: Ledger;
let site: WriteSiteResult;
let dir: string;
const html = new Map<string, string>();

beforeAll(async () => {
  ledger = await hostileLedger();
  // Not tempDir(): that one is removed after each test, and the site is shared by every test here.
  dir = join(mkdtempSync(join(tmpdir(), 'forecast-ledger-site-')), 'out');
  site = await writeSite(ledger, { outDir: dir, asOf: '2026-06-01', title: `Tracker ${EVIL}`, generatedAt: new Date('2026-06-01T00:00:00Z') });
  for (const file of site.files.filter((f) => f.endsWith('.html'))) html.set(file, readFileSync(join(dir, file), 'utf8'));
});
afterAll(async () => {
  await ledger.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

/** Awaits `fn`, expects it to reject with a LedgerError of `code`, and returns the error. */
async function expectLedgerError(fn: () => Promise<unknown>, code: LedgerErrorCode): Promise<LedgerError> {
  const error = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  expect((error as LedgerError).code).toBe(code);
  return error as LedgerError;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('writeSite', () => {
  it('writes an index, one page per forecaster, question and source, the claims and sources pages, assets and downloads', () => {
    expect(site.outDir).toBe(resolve(dir));
    expect(site.index).toBe(join(resolve(dir), 'index.html'));
    expect(site.pages).toEqual({ forecasters: 2, questions: 3, sources: 1 });
    expect(site.files).toEqual([
      'assets/site.css',
      'assets/site.js',
      'claims.html',
      'forecasters/eve.html',
      'forecasters/mallory.html',
      'index.html',
      'ledger.ics',
      'ledger.json',
      'questions/q-binary.html',
      'questions/q-date.html',
      'questions/q-numeric.html',
      'sources.html',
      'sources/evil-source.html',
    ]);
    expect(listFiles(dir)).toEqual(site.files);
  });

  it('ships the calendar and a JSON export that imports back into an empty ledger', async () => {
    expect(readFileSync(join(dir, 'ledger.ics'), 'utf8')).toContain('UID:q-numeric@forecast-ledger');
    const copy = await hostileLedger();
    const other = await openLedger(':memory:');
    await other.importPredictions(JSON.parse(readFileSync(join(dir, 'ledger.json'), 'utf8')));
    expect(await other.counts()).toEqual(await copy.counts());
    await Promise.all([copy.close(), other.close()]);
  });

  it('does what its TSDoc example says', async () => {
    const seed = await openLedger(':memory:');
    await seed.importPredictions(join(import.meta.dirname, '..', '..', 'predictions'));
    const written = await writeSite(seed, { outDir: join(tempDir(), 'site'), asOf: '2026-01-01' });
    expect(written.files.includes('index.html')).toBe(true);
    await seed.close();
  });

  it('rejects a missing outDir and an asOf that is not an ISO date, writing nothing', async () => {
    const e1 = await expectLedgerError(() => writeSite(ledger, {} as never), 'validation_failed');
    expect(e1.message).toMatch(/writeSite: expected options.outDir to be the path of the folder/);
    const out = join(tempDir(), 'never');
    const e2 = await expectLedgerError(() => writeSite(ledger, { outDir: out, asOf: '2026-13-01' }), 'validation_failed');
    expect(e2.message).toMatch(/options.asOf/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails with storage_error naming the path when a file cannot be written', async () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, 'not a folder');
    const e = await expectLedgerError(() => writeSite(ledger, { outDir: blocker, asOf: '2026-06-01' }), 'storage_error');
    expect(e.message).toContain(blocker);
  });
});

describe('every page', () => {
  it('carries the strict Content-Security-Policy and loads only the site’s own stylesheet and script', () => {
    expect(SITE_CSP).toContain("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:");
    for (const [file, page] of html) {
      expect(page, file).toContain(`<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">`);
      const depth = file.includes('/') ? '../' : '';
      expect(page.match(/<script\b[^>]*>/g), file).toEqual([`<script src="${depth}assets/site.js" defer>`]);
      expect(page.match(/<link\b[^>]*>/g), file).toEqual(['<link rel="icon" href="data:,">', `<link rel="stylesheet" href="${depth}assets/site.css">`]);
      // No inline style or handler in any tag: the policy would block them (and the browser would log an error).
      const tags = [...page.matchAll(/<[a-zA-Z][^>]*>/g)].map(([tag]) => tag.replace(/"[^"]*"/g, '""'));
      expect(
        tags.filter((tag) => /\sstyle=|^<style|\son[a-z]+=/i.test(tag)),
        file,
      ).toEqual([]);
      expect(page, file).not.toMatch(/(?:src|href)="(?:https?:)?\/\/(?!example\.com)/);
    }
  });

  it('escapes hostile text everywhere and never links a javascript: URL', () => {
    for (const [file, page] of html) {
      expect(page, file).not.toContain('<script>alert');
      expect(page, file).not.toContain('<img src=x');
      expect(page, file).not.toContain('</title><b>');
      expect(page, file).not.toMatch(/href="javascript:/i);
    }
    const question = html.get('questions/q-binary.html')!;
    expect(question).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39; &quot;dq&quot;');
    expect(question).toContain('<blockquote lang="zh-Hant">&lt;b&gt;可能&lt;/b&gt;</blockquote>');
    expect(question).toContain('<li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'); // the javascript: evidence, as text
    expect(question).toContain('<a href="https://example.com/report" rel="external noopener noreferrer">The article</a>');
    expect(html.get('sources/evil-source.html')).toContain('href="https://example.com/a?b=1&amp;c=&quot;2&quot;"');
  });

  it('links only to files the site has, and to every page from somewhere', () => {
    const linked = new Set<string>();
    for (const [file, page] of html) {
      for (const [, href] of page.matchAll(/href="([^"]+)"/g)) {
        if (/^(?:https?:|data:)/.test(href!)) continue;
        const path = href!.replace(/&amp;/g, '&').replace(/[?#].*$/, '');
        if (path === '') continue;
        const target = relative(dir, resolve(dirname(join(dir, file)), decodeURIComponent(path)))
          .split('\\')
          .join('/');
        expect(site.files, `${file} → ${href}`).toContain(target);
        linked.add(target);
      }
    }
    for (const file of site.files.filter((f) => f.endsWith('.html') || f.startsWith('ledger.'))) expect(linked, file).toContain(file);
  });
});

describe('the pages', () => {
  it('index: leaderboard linked to forecaster pages, due soon, overdue, recently resolved, pooled calibration, downloads', () => {
    const index = html.get('index.html')!;
    for (const id of ['leaderboard', 'due-soon', 'overdue', 'resolved', 'calibration', 'forecasters', 'downloads']) expect(index).toContain(`<h2 id="${id}">`);
    expect(index).toContain('<a href="forecasters/mallory.html">Mallory</a>');
    expect(index).toContain('aria-label="Calibration chart"');
    expect(index).toContain('<a href="ledger.ics" download>');
  });

  it('question: statement, criteria, forecasts chart and table, resolution with evidence, history with hashes and verify status', async () => {
    const page = html.get('questions/q-binary.html')!;
    expect(page).toContain('Will the zeppelin fleet return?');
    expect(page).toContain('aria-label="Forecasts over time"');
    expect(page).toContain('<span class="ok">Verified</span>');
    for (const event of await ledger.history('q-binary')) expect(page).toContain(`<code class="hash">${event.hash}</code>`);
    expect(page).toContain('<a href="../questions/q-numeric.html">Numeric &lt;script&gt;');
    expect(page).toContain('<a href="../sources/evil-source.html" lang="zh-Hant">');
    expect(html.get('questions/q-numeric.html')).toContain('−40% to −30% (range)');
  });

  it('claims: one row per claim with its facets for the filters', () => {
    const page = html.get('claims.html')!;
    expect(page.match(/<tr data-forecaster=/g)).toHaveLength(4);
    expect(page).toContain('data-forecaster="eve" data-tags="airships" data-status="resolved" data-kind="binary" data-stance="forecast" data-due="2026-03-01"');
    expect(page).toMatch(/data-text="binary &lt;script&gt;[^"]*will the zeppelin fleet return\?/);
  });
});

describe('chart fixes, in the report too', () => {
  it('puts time ticks on real dates: a claim due 2027-12-31 sits left of a tick labelled 2028-01-01', () => {
    const ticks = dateTicks(Date.UTC(2025, 9, 1), Date.UTC(2029, 2, 1), 5);
    expect(ticks.map((t) => t.label)).toEqual(['2026-01-01', '2027-01-01', '2028-01-01', '2029-01-01']);
    expect(dateTicks(Date.UTC(2026, 0, 15), Date.UTC(2026, 5, 15), 10).map((t) => t.label)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
  });

  it('writes ranges as "−40% to −30%"', () => {
    expect(formatEstimate({ kind: 'numeric', interval: { lower: -40, upper: -30 } }, '%')).toBe('−40% to −30% (range)');
    expect(formatEstimate({ kind: 'numeric', point: 10750, interval: { lower: 2000, upper: 3000, level: 0.8 } }, 'GW')).toBe(
      '10,750 GW; 2,000 GW to 3,000 GW (80% interval)',
    );
  });

  it('gives no caption to a calibration chart that is not drawn, and labels the report timeline with dates', async () => {
    const data: ScoringData = { forecasters: await ledger.listForecasters(), questions: await ledger.listQuestions(), forecasts: await ledger.listForecasts() };
    const card = buildScorecard(data, 'mallory', { asOf: '2026-06-01' });
    const open = buildScorecard({ ...data, questions: data.questions.filter((q) => q.status === 'open') }, 'mallory', { asOf: '2026-06-01' });
    expect(open.probability).toBeUndefined();
    const page = renderScorecard(open, 'html');
    expect(page).toContain('so no calibration chart');
    expect(page).not.toContain('Calibration of binary forecasts: points on the dashed diagonal');
    expect(renderScorecard(card, 'html')).toContain('Calibration of binary forecasts: points on the dashed diagonal');
    const report = renderReport({ scorecards: [card], leaderboard: buildLeaderboard(data, { asOf: '2026-06-01' }) });
    expect(report).toContain('class="muted">2028-01-01</text>');
    expect(report).not.toMatch(/class="muted">20\d\d<\/text>/);
  });
});
