import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderLeaderboard as renderLeaderboardFromRoot,
  renderReport as renderReportFromRoot,
  renderScorecard as renderFromRoot,
  type Ledger,
} from '../../../src/index.js';
import {
  buildLeaderboard,
  buildScorecard,
  renderLeaderboard,
  renderReport,
  renderScorecard,
  type Leaderboard,
  type Scorecard,
  type ScoringData,
} from '../../../src/scoring/index.js';
import { expectLedgerError } from '../_helpers/expect-ledger-error.js';
import { fixtureLedger } from './fixture-ledger.js';

let ledger: Ledger;
let alice: Scorecard;
let board: Leaderboard;
beforeAll(async () => {
  ledger = await fixtureLedger();
  alice = await ledger.scorecard('alice', { asOf: '2026-06-01' });
  board = await ledger.leaderboard({ asOf: '2026-06-01' });
});
afterAll(() => ledger.close());

/** Fails if the page could load anything: scripts, stylesheets, images, fonts or any URL. */
function expectSelfContained(html: string): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|@font-face|url\(/i);
  expect(html).not.toMatch(/\b(src|href)\s*=\s*["'](?!#)/i);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
}

describe('renderScorecard as HTML', () => {
  it('is one self-contained page: inline CSS and SVG, no script, no external asset', () => {
    expectSelfContained(renderScorecard(alice, 'html'));
  });

  it('draws a calibration chart with the diagonal and one point per bin, labelled with its count', () => {
    const html = renderScorecard(alice, 'html');
    const chart = html.slice(html.indexOf('aria-label="Calibration chart"'), html.indexOf('</svg>', html.indexOf('aria-label="Calibration chart"')));
    expect(chart).toContain('perfect calibration');
    expect(chart.match(/<circle /g)).toHaveLength(2); // bins (0.3, 0.4] and (0.7, 0.8]
    expect(chart.match(/>n=1</g)).toHaveLength(2);
  });

  it('draws a timeline with hits, misses and pending claims marked differently, a legend and the as-of line', () => {
    const html = renderScorecard(alice, 'html');
    const start = html.indexOf('aria-label="Timeline of claims by due date"');
    const timeline = html.slice(start, html.indexOf('</svg>', start));
    // One <g><title> per claim (13) plus the legend entries.
    expect(timeline.match(/<title>2026|<title>2027/g)).toHaveLength(13);
    expect(timeline).toContain('as of 2026-06-01');
    for (const label of ['hit', 'miss', 'pending', 'achieved (plan/goal)', 'missed (plan/goal)', 'annulled', 'ambiguous', 'not scored'])
      expect(timeline).toContain(`>${label}</text>`);
    expect(timeline).toMatch(/<title>2026-01-10 · hit · Question q-rain/);
    expect(timeline).toMatch(/<title>2026-02-28 · miss · Question q-capacity/);
  });

  it('shows the key figures, the coming-due list and every prediction with its verdict', () => {
    const html = renderScorecard(alice, 'html');
    expect(html).toContain('<h1>Scorecard: Alice</h1>');
    expect(html).toContain('80%'); // hit rate 4/5
    expect(html).toContain('0.097'); // mean Brier 0.09695
    expect(html).toContain('<span class="badge b-achieved">achieved</span>');
    expect(html).toContain('“unlikely” → 33% yes');
    expect(html).toContain('no (2026-04-02, corrected)');
    expect(html.match(/<span class="badge /g)).toHaveLength(13);
  });

  it('is also exported from the package root', () => {
    expect(renderFromRoot(alice, 'html')).toBe(renderScorecard(alice, 'html'));
  });

  it('is exported from the package root with renderLeaderboard and renderReport, all three alike', () => {
    expect(renderLeaderboardFromRoot(board, 'html')).toBe(renderLeaderboard(board, 'html'));
    expect(renderReportFromRoot({ scorecards: [alice], leaderboard: board })).toBe(renderReport({ scorecards: [alice], leaderboard: board }));
  });
});

describe('escaping', () => {
  const evil = '<script>alert("x")</script> & | *bold* `code`';
  const data: ScoringData = {
    forecasters: [{ id: 'eve', name: evil, type: 'person', aliases: [], affiliation: '"quoted" \'single\'' }],
    questions: [
      {
        question: {
          id: 'q1',
          kind: 'binary',
          title: evil,
          statement: 's',
          tags: [],
          stance: 'forecast',
          relations: [],
          resolution: { resolveOn: '2026-02-01', horizon: 'x', semantics: 'by', criteria: 'x' },
        },
        status: 'open',
      },
    ],
    forecasts: [
      {
        id: 'f1',
        questionId: 'q1',
        forecasterId: 'eve',
        madeAt: '2026-01-01',
        estimate: { kind: 'binary' },
        confidence: { wording: '</title><b>', impliedProbability: 0.7, scale: 'custom' },
      },
    ],
  };
  const card = buildScorecard(data, 'eve', { asOf: '2026-01-15' });

  it('escapes every text in the HTML', () => {
    const html = renderScorecard(card, 'html');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</title><b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; |');
    expect(html).toContain('&quot;quoted&quot; &#39;single&#39;');
    expectSelfContained(html);
    expectSelfContained(renderReport({ scorecards: [card], leaderboard: buildLeaderboard(data, { asOf: '2026-01-15', minResolved: 0 }) }));
  });

  it('escapes Markdown so that names cannot break tables or add markup', () => {
    const md = renderScorecard(card, 'markdown');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\| \\*bold\\* \\`code\\`');
    const predictions = md
      .slice(md.indexOf('## Every prediction'))
      .split('\n')
      .filter((l) => l.startsWith('| 2026'));
    expect(predictions).toHaveLength(1);
    for (const row of predictions) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
  });
});

describe('renderScorecard as Markdown and JSON', () => {
  it('writes headings and tables in Markdown', () => {
    const md = renderScorecard(alice, 'markdown');
    expect(md.split('\n')[0]).toBe('# Scorecard: Alice');
    for (const heading of [
      '## Claims',
      '## Probability forecasts (binary)',
      '## Numeric claims',
      '## Date claims',
      '## Plans and goals (not part of forecast accuracy)',
      '## Calibration',
      '## Coming due',
      '## Every prediction',
    ]) {
      expect(md).toContain(`${heading}\n`);
    }
    expect(md).toContain('| Hit rate (forecasts of every kind) | 80% (4/5; 95% CI 38%–96%) |');
    expect(md).toContain('| 2026-12-31 | Question q-future | 80% yes |');
    expect(md.endsWith('\n')).toBe(true);
    // q-overdue is open and past its due date on asOf: it reads "overdue", not "pending".
    expect(md.split('\n').find((line) => line.includes('q-overdue') && line.includes('| overdue |'))).toBeDefined();
    expect(renderScorecard(alice, 'html')).toContain('<span class="badge b-overdue">overdue</span>');
  });

  it('lists the forecasts made after the outcome, in Markdown and HTML', () => {
    const id = alice.madeAfterOutcome[0]!.forecastId;
    const md = renderScorecard(alice, 'markdown');
    expect(md).toContain('| Forecasts made after the outcome (never scored) | 1 |');
    expect(md).toContain(`## Made after the outcome (not scored)\n`);
    expect(md).toContain(`| Question q-late | ${id} | 2026-02-10 | 2026-02-01 |`);
    const html = renderScorecard(alice, 'html');
    expect(html).toContain('<h2>Made after the outcome (not scored)</h2>');
    expect(html).toContain(`<td>${id}</td><td class="date">2026-02-10</td><td class="date">2026-02-01</td>`);
  });

  it('round-trips the scorecard as JSON', () => {
    expect(JSON.parse(renderScorecard(alice, 'json'))).toEqual(JSON.parse(JSON.stringify(alice)));
  });

  it('rejects an unknown format', () => {
    expect(expectLedgerError(() => renderScorecard(alice, 'pdf' as never)).message).toMatch(/"markdown" \(or "md"\), "html" or "json"/);
  });

  it('accepts md for markdown, as the CLI does (markdown is the canonical name)', () => {
    expect(renderScorecard(alice, 'md')).toBe(renderScorecard(alice, 'markdown'));
    expect(renderLeaderboard(board, 'md')).toBe(renderLeaderboard(board, 'markdown'));
  });
});

describe('renderLeaderboard', () => {
  it('tabulates the ranking in Markdown with the rule it ranks by', () => {
    const md = renderLeaderboard(board, 'markdown');
    expect(md.split('\n')[0]).toBe('# Leaderboard');
    expect(md).toContain('Ranked by the lower bound of the 95% Wilson interval of the hit rate');
    expect(md).toContain('| 1 | Alice | 5 (2 binary) | 0.097 | 0.354 | 80% (4/5) | 38%–96% | +79.7 (2) | −0.348 |');
    expect(md).toContain('| 3 | Bob | 1 | 0.640 | 1.609 | 0% (0/1) | 0%–79% | −130.1 (1) | +0.555 |');
  });

  it('renders a self-contained HTML page and JSON', () => {
    expectSelfContained(renderLeaderboard(board, 'html'));
    expect(JSON.parse(renderLeaderboard(board, 'json')).entries[0].forecasterId).toBe('alice');
  });
});

describe('renderReport', () => {
  it('puts the leaderboard, a timeline of every claim and every scorecard on one self-contained page', async () => {
    const cards = await Promise.all(['alice', 'bob', 'carol'].map((id) => ledger.scorecard(id, { asOf: '2026-06-01' })));
    const html = renderReport({ scorecards: cards, leaderboard: board, title: 'Test report' });
    expectSelfContained(html);
    expect(html).toContain('<title>Test report</title>');
    expect(html).toContain('<h2 id="leaderboard">Leaderboard</h2>');
    expect(html).toContain('3 forecasters, 15 claims');
    for (const id of ['alice', 'bob', 'carol']) {
      expect(html).toContain(`<h2 id="forecaster-${id}">`);
      expect(html).toContain(`href="#forecaster-${id}"`);
    }
    const start = html.indexOf('aria-label="Timeline of claims by due date"');
    const timeline = html.slice(start, html.indexOf('</svg>', start));
    expect(timeline).toContain('>Alice</text>');
    expect(timeline).toContain('>Carol</text>');
  });

  it('rejects scorecards that are not an array', () => {
    expectLedgerError(() => renderReport({ scorecards: 'x' as never, leaderboard: board }));
  });
});
