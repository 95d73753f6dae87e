/// <reference lib="dom" />
// The site in a real browser: the system Chromium driven by playwright-core (no browser download).
// Runs wherever a Chromium is found ($CHROMIUM, or the usual Debian/Ubuntu paths); elsewhere the
// suite shows as skipped, with the reason in its name. One browser serves every test.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, writeSite, type WriteSiteResult } from '../../src/index.js';

const CANDIDATES = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].filter(
  (p): p is string => !!p,
);
const executablePath = CANDIDATES.find((p) => existsSync(p));
const SKIP_REASON = `no Chromium found at ${CANDIDATES.join(', ')}: install one (Debian: apt-get install chromium fonts-noto-cjk) or set $CHROMIUM`;
if (!executablePath) console.warn(`tests/site/browser.test.ts skipped: ${SKIP_REASON}`);

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PREDICTIONS = join(import.meta.dirname, '..', '..', 'predictions');

/** What went wrong on a page, gathered while it loads. */
interface Trouble {
  console: string[];
  failed: string[];
  external: string[];
}

/** Records console errors and warnings, uncaught errors, failed requests and requests leaving `allowed`. */
function watch(page: Page, allowed: string): Trouble {
  const t: Trouble = { console: [], failed: [], external: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') t.console.push(`${page.url()}: ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => t.console.push(`${page.url()}: uncaught ${e.message}`));
  page.on('requestfailed', (r) => t.failed.push(`${page.url()}: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) t.failed.push(`${page.url()}: ${r.url()} ${r.status()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(allowed) && !r.url().startsWith('data:')) t.external.push(`${page.url()}: ${r.url()}`);
  });
  return t;
}

describe.skipIf(!executablePath)(`the site in Chromium${executablePath ? ` (${executablePath})` : ` — SKIPPED: ${SKIP_REASON}`}`, () => {
  let browser: Browser;
  let site: WriteSiteResult;
  let root: string;
  let rootUrl: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'forecast-ledger-site-browser-'));
    const ledger = await openLedger(':memory:');
    await ledger.importPredictions(PREDICTIONS);
    site = await writeSite(ledger, { outDir: root, asOf: '2026-06-01' });
    await ledger.close();
    rootUrl = pathToFileURL(root).href + '/';
    browser = await chromium.launch({ executablePath: executablePath!, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('crawls every page from the index at 420 px: links resolve, no console error, no failed or external request, no sideways scroll', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const queue = ['index.html'];
    const seen = new Set(queue);
    const broken: string[] = [];
    const overflow: string[] = [];
    const fragments: [from: string, file: string, id: string][] = [];
    const troubles: Trouble[] = [];
    // A few tabs crawl side by side, each taking the next page from the shared queue.
    const crawler = async () => {
      const page = await context.newPage();
      troubles.push(watch(page, rootUrl));
      for (;;) {
        const path = queue.shift();
        if (path === undefined) {
          // Another tab may still add pages: wait for it before giving up.
          if (busy === 0) return;
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        busy += 1;
        await page.goto(rootUrl + path);
        const [scrollWidth, clientWidth, h1s] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
          document.querySelectorAll('h1').length,
        ]);
        if (scrollWidth! > clientWidth!) overflow.push(`${path}: ${scrollWidth} px wide in ${clientWidth} px`);
        if (h1s !== 1) overflow.push(`${path}: ${h1s} h1 elements`);
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          if (!href.startsWith('file:')) continue; // links out (a source's URL) are followed by readers, not by the site
          const url = new URL(href);
          const file = fileURLToPath(url);
          if (!file.startsWith(root + sep) || !existsSync(file)) {
            broken.push(`${path} → ${href}`);
            continue;
          }
          const rel = file
            .slice(root.length + 1)
            .split(sep)
            .join('/');
          if (url.hash) fragments.push([path, rel, decodeURIComponent(url.hash.slice(1))]);
          if (rel.endsWith('.html') && !seen.has(rel)) {
            seen.add(rel);
            queue.push(rel);
          }
        }
        busy -= 1;
      }
    };
    let busy = 0;
    await Promise.all([crawler(), crawler(), crawler()]);
    for (const [from, file, id] of fragments) if (!readFileSync(join(root, file), 'utf8').includes(` id="${id}"`)) broken.push(`${from} → ${file}#${id}`);
    await context.close();
    expect(broken).toEqual([]);
    expect(overflow).toEqual([]);
    for (const trouble of troubles) expect(trouble).toEqual({ console: [], failed: [], external: [] });
    // Every page of the site was reached by following links from the index.
    expect([...seen].sort()).toEqual(site.files.filter((f) => f.endsWith('.html')));
  }, 120_000);

  it('keeps every text at 4.5:1 contrast or more against its background', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failures: string[] = [];
    let checked = 0;
    for (const path of ['index.html', 'claims.html', 'forecasters/geoffrey-hinton.html', 'questions/hinton-radiologists-obsolete.html', 'sources.html']) {
      await page.goto(rootUrl + path);
      const result = await page.evaluate(() => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const background = (el: Element | null): number[] => {
          for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length < 4 || c[3]! > 0) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const out: string[] = [];
        let n = 0;
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          if (el.closest('svg') || !(el as HTMLElement).offsetParent) continue;
          if (!Array.from(el.childNodes).some((c) => c.nodeType === 3 && c.textContent!.trim())) continue;
          n += 1;
          const a = lum(rgb(getComputedStyle(el).color));
          const b = lum(background(el));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 4.5) out.push(`${location.pathname.split('/').pop()}: ${el.tagName} "${el.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
        }
        return { n, out };
      });
      checked += result.n;
      failures.push(...result.out);
    }
    await page.close();
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('finds a claim by a word of its statement, from the search box of any page', async () => {
    const claims = readFileSync(join(root, 'claims.html'), 'utf8');
    const total = claims.match(/<tr data-forecaster=/g)!.length;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const trouble = watch(page, rootUrl);
    // "upgrades" is in the statement of the copper question, not in its title.
    await page.goto(`${rootUrl}questions/karpathy-agents-intern-level-date.html`);
    await page.fill('#site-search', 'Upgrades');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/claims\.html\?q=Upgrades$/);
    await expect.poll(() => page.textContent('#claims-count')).toMatch(/^\d+ of \d+ claims$/);
    const visible = await page.$$eval('#claims tbody tr:not([hidden])', (rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.text ?? '', r.querySelector('a')!.getAttribute('href')]),
    );
    expect(visible.map(([, href]) => href)).toContain('questions/goldman-copper-lme-2027-average.html');
    expect(visible.length).toBeLessThan(total);
    for (const [text] of visible) expect(text).toContain('upgrades');
    expect(await page.textContent('#claims-count')).toBe(`${visible.length} of ${total} claims`);
    expect(trouble).toEqual({ console: [], failed: [], external: [] });
    await page.close();
  });

  it('filters claims by forecaster, status and due range, and clears the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(`${rootUrl}claims.html?forecaster=goldman-sachs`);
    const rows = () => page.$$eval('#claims tbody tr:not([hidden])', (r) => r.map((x) => ({ ...(x as HTMLElement).dataset })));
    const goldman = await rows();
    expect(goldman.length).toBeGreaterThan(1);
    expect(new Set(goldman.map((r) => r.forecaster))).toEqual(new Set(['goldman-sachs']));
    await page.selectOption('select[name="status"]', 'open');
    await page.fill('input[name="from"]', '2028-01-01');
    const later = await rows();
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(goldman.length);
    for (const r of later) expect(r.status === 'open' && r.due! >= '2028-01-01').toBe(true);
    expect(new URL(page.url()).search).toBe('?forecaster=goldman-sachs&status=open&from=2028-01-01');
    await page.click('button[type="reset"]');
    await expect.poll(() => page.$$eval('#claims tbody tr[hidden]', (r) => r.length)).toBe(0);
    await page.close();
  });

  it('reaches the search box from the keyboard, after the skip link and the site navigation', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(`${rootUrl}index.html`);
    const focused: string[] = [];
    for (let i = 0; i < 12 && focused.at(-1) !== 'site-search'; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    expect(focused[0]).toBe('Skip to content');
    expect(focused.at(-1)).toBe('site-search');
    await page.keyboard.type('copper');
    await page.keyboard.press('Enter');
    await page.waitForURL(/claims\.html\?q=copper$/);
    expect(await page.inputValue('#f-q')).toBe('copper');
    await page.close();
  });

  it('works the same from a static web server, with no request failing (not even a favicon)', async () => {
    const server: Server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html';
      const file = join(root, path);
      if (!file.startsWith(root + sep) || !existsSync(file)) return void res.writeHead(404).end();
      const type = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' }[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const trouble = watch(page, base);
    try {
      for (const path of ['index.html', 'questions/goldman-copper-lme-2027-average.html', 'forecasters/goldman-sachs.html', 'claims.html?q=copper'])
        await page.goto(base + path);
      await expect.poll(() => page.textContent('#claims-count')).toMatch(/^\d+ of \d+ claims$/);
      expect(trouble).toEqual({ console: [], failed: [], external: [] });
    } finally {
      await page.close();
      await new Promise((done) => server.close(done));
    }
  });
});
