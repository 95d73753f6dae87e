import type { CalibrationBin } from '../scoring/calibration-curve.js';
import { formatOutcome, pct, score } from '../format/values.js';
import { calibrationSvg, esc, percentRange, table } from '../scoring/scorecard/_html.js';
import { leaderboardHtmlBody } from '../scoring/scorecard/render-leaderboard.js';
import { CALIBRATION_CAPTION, SCORING_FOOTER } from '../scoring/scorecard/render-scorecard.js';
import type { QuestionRecord } from '../storage/types.js';
import type { SiteData } from './site-data.js';
import { claimText, forecasterName, framedPage, statusBadge, unitOf } from './site-parts.js';
import { linker, scrollTable, sitePath } from './site-layout.js';

const link = linker(0);

/** Pools per-forecaster calibration bins (same edges) into one curve: counts add, means weighted by count. */
function pooledCalibration(data: SiteData): CalibrationBin[] {
  const byEdge = new Map<string, { lower: number; upper: number; count: number; p: number; o: number }>();
  for (const sc of data.scorecards) {
    for (const b of sc.probability?.calibration ?? []) {
      const key = `${b.lower}:${b.upper}`;
      const acc = byEdge.get(key) ?? { lower: b.lower, upper: b.upper, count: 0, p: 0, o: 0 };
      acc.count += b.count;
      acc.p += b.meanProbability * b.count;
      acc.o += b.observedFrequency * b.count;
      byEdge.set(key, acc);
    }
  }
  return [...byEdge.values()]
    .sort((a, b) => a.lower - b.lower)
    .map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, meanProbability: b.p / b.count, observedFrequency: b.o / b.count }));
}

/** The text equivalent of a calibration chart: one row per bin. @internal */
export function calibrationTable(bins: readonly CalibrationBin[]): string {
  return scrollTable(
    'Calibration table',
    table(
      ['Forecast probability', 'Forecasts', 'Mean forecast', 'Happened'],
      bins.map((b) => [esc(percentRange(b.lower, b.upper)), String(b.count), esc(pct(b.meanProbability)), esc(pct(b.observedFrequency))]),
      ['', 'num', 'num', 'num'],
    ),
  );
}

function questionRows(data: SiteData, records: readonly QuestionRecord[]): string[][] {
  return records.map(({ question: q, status }) => {
    const own = data.forecastsByQuestion.get(q.id) ?? [];
    const latest = new Map(own.map((f) => [f.forecasterId, f]));
    const claims = [...latest.values()]
      .map((f) => `${link.a(sitePath.forecaster(f.forecasterId), forecasterName(data, f.forecasterId))}: ${esc(claimText(f, q))}`)
      .join('<br>');
    return [esc(q.resolution.resolveOn), link.a(sitePath.question(q.id), q.title), claims || '–', statusBadge(status)];
  });
}

/**
 * The index page: the leaderboard, what comes due soon, what is overdue, what resolved lately, the
 * calibration of everyone's binary forecasts pooled, every forecaster, and the downloads.
 *
 * @internal
 */
export function renderIndexPage(data: SiteData): string {
  const open = data.questions.filter((r) => r.status === 'open');
  const dueSoon = open.filter((r) => r.question.resolution.resolveOn >= data.asOf).slice(0, 10);
  const overdue = open.filter((r) => r.question.resolution.resolveOn < data.asOf);
  const settled = data.questions
    .filter((r) => r.resolution)
    .sort((a, b) => (a.resolution!.resolvedOn > b.resolution!.resolvedOn ? -1 : a.resolution!.resolvedOn < b.resolution!.resolvedOn ? 1 : 0))
    .slice(0, 10);
  const bins = pooledCalibration(data);
  const v = data.verification;
  const head = ['Due', 'Question', 'Claims', 'Status'];
  const body = [
    `<h1>${esc(data.title)}</h1>`,
    `<p class="sub">${data.counts.forecasters} forecasters, ${data.counts.questions} questions, ${data.counts.forecasts} forecasts, ${data.counts.resolutions} resolution${data.counts.resolutions === 1 ? '' : 's'} — as of ${esc(data.asOf)}. ` +
      `${v.ok ? `<span class="ok">History verified</span>: ${v.events} events, head <code>${esc(v.head.slice(0, 16))}</code>.` : `<span class="bad">History failed verification</span>: ${esc(v.problems[0]?.message ?? '')}`}</p>`,
    leaderboardHtmlBody(data.leaderboard, '<h2 id="leaderboard">Leaderboard</h2>', (id) => link.href(sitePath.forecaster(id))),
    '<h2 id="due-soon">Due soon</h2>',
    dueSoon.length
      ? scrollTable('Claims due soon', table(head, questionRows(data, dueSoon), ['date']))
      : '<p class="note">Nothing open comes due after this date.</p>',
    `<p>${link.a(`claims.html?status=open&from=${encodeURIComponent(data.asOf)}`, 'Every open claim still to come due')}</p>`,
    '<h2 id="overdue">Overdue: past due, awaiting resolution</h2>',
    overdue.length ? scrollTable('Overdue claims', table(head, questionRows(data, overdue), ['date'])) : '<p class="note">Nothing is overdue.</p>',
    '<h2 id="resolved">Recently resolved</h2>',
    settled.length
      ? scrollTable(
          'Recently resolved',
          table(
            ['Settled', 'Question', 'Outcome', 'Status'],
            settled.map(({ question: q, status, resolution: r }) => [
              esc(r!.resolvedOn),
              link.a(sitePath.question(q.id), q.title),
              esc(r!.status === 'resolved' ? formatOutcome(r!.outcome, unitOf(q)) : (r!.reason ?? '')),
              statusBadge(status),
            ]),
            ['date'],
          ),
        )
      : '<p class="note">Nothing has been resolved yet.</p>',
    '<h2 id="calibration">Calibration of everyone</h2>',
    bins.length
      ? `<div class="cols"><figure>${calibrationSvg(bins)}<figcaption>Every forecaster’s resolved binary forecasts pooled. ${esc(CALIBRATION_CAPTION)} The table beside it has the same figures.</figcaption></figure><div>${calibrationTable(bins)}</div></div>`
      : '<p class="note">No resolved probability forecasts yet, so no calibration chart.</p>',
    '<h2 id="forecasters">Every forecaster</h2>',
    scrollTable(
      'Every forecaster',
      table(
        ['Forecaster', 'Claims', 'Resolved', 'Pending', 'Hit rate', 'Mean Brier'],
        data.scorecards.map((sc) => [
          link.a(sitePath.forecaster(sc.forecaster.id), sc.forecaster.name),
          String(sc.counts.made),
          String(sc.counts.resolved),
          String(sc.counts.pending),
          esc(sc.hitRate ? `${pct(sc.hitRate.rate)} (${sc.hitRate.hits}/${sc.hitRate.n})` : '–'),
          esc(score(sc.probability?.meanBrier)),
        ]),
        ['', 'num', 'num', 'num', 'num', 'num'],
      ),
    ),
    '<h2 id="downloads">Downloads</h2>',
    `<ul class="plain"><li><a href="ledger.ics" download>ledger.ics</a> — a calendar with every question on its due date (RFC 5545), for reminders</li>` +
      `<li><a href="ledger.json" download>ledger.json</a> — the whole ledger as data, which <code>forecast-ledger import</code> reads back</li></ul>`,
    SCORING_FOOTER.replace('<footer>', '<p class="note">').replace('</footer>', '</p>'),
  ];
  return framedPage(data, { title: data.title, depth: 0, section: 'home' }, body.join('\n'));
}
