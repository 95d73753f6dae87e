#!/usr/bin/env node
// Screenshots of the site for the README: the index, a forecaster page and a question page, at
// 420 px and 1,400 px wide, written to docs/screenshots/. Not part of `npm test`.
// Usage: npm run build && node dist/cli.js build --site site && node scripts/screenshots.mjs [site dir]
// Needs a Chromium: $CHROMIUM, or /usr/bin/chromium (Debian: apt-get install chromium fonts-noto-cjk).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const site = resolve(process.argv[2] ?? join(root, 'site'));
const out = join(root, 'docs', 'screenshots');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(join(site, 'index.html'))) throw new Error(`no site at ${site}: run \`npm start\` first`);
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: install one or set $CHROMIUM`);

const pages = [
  ['index', 'index.html'],
  ['forecaster', 'forecasters/goldman-sachs.html'],
  ['question', 'questions/goldman-copper-lme-2027-average.html'],
];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const width of [420, 1400]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(pathToFileURL(join(site, path)).href);
      const file = join(out, `${name}-${width}.png`);
      // The top of the page, up to 2,400 px of it: enough to show the charts without a huge file.
      const height = Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight));
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
