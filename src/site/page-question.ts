import type { StoredForecast } from '../model/forecast.js';
import type { Question } from '../model/question.js';
import { formatOutcome, pct, quantity } from '../format/values.js';
import { esc, table } from '../scoring/scorecard/_html.js';
import type { LedgerEvent, QuestionRecord, StoredResolution } from '../storage/types.js';
import { forecastChartSvg } from './forecast-chart.js';
import type { SiteData } from './site-data.js';
import { chartFigure, externalLink, linker, scrollTable, sitePath } from './site-layout.js';
import { forecasterName, forecastsTable, framedPage, questionIndex, statusBadge, unitOf } from './site-parts.js';

const link = linker(1);

const SEMANTICS: Record<Question['resolution']['semantics'], string> = {
  by: 'happens on or before the due date',
  at: 'the value measured at the due date (or over the period)',
  not_before: 'does not happen before the due date',
};

function facts(rows: readonly (readonly [string, string | undefined])[]): string {
  return `<dl class="facts">${rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('')}</dl>`;
}

function kindFacts(q: Question): [string, string | undefined][] {
  switch (q.kind) {
    case 'numeric':
      return [
        ['Unit', esc(q.spec.unit)],
        ['Scale', esc(q.spec.scale)],
        [
          'Baseline',
          q.spec.baseline
            ? esc(`${quantity(q.spec.baseline.value, q.spec.unit)} (${q.spec.baseline.date})${q.spec.baseline.note ? ` — ${q.spec.baseline.note}` : ''}`)
            : undefined,
        ],
        ['Tolerance for a hit', q.spec.tolerance === undefined ? undefined : esc(`±${pct(q.spec.tolerance, 1)}`)],
      ];
    case 'date':
      return [['Tolerance for a hit', q.spec.toleranceDays === undefined ? undefined : esc(`±${q.spec.toleranceDays} days`)]];
    case 'categorical':
      return [['Options', q.spec.options.map((o) => `<code>${esc(o.id)}</code> ${esc(o.label)}`).join('<br>')]];
    default:
      return [];
  }
}

function resolutionFacts(data: SiteData, q: Question, r: StoredResolution): string {
  const evidence = r.evidence.map((e) => {
    const source = e.sourceId ? data.sources.get(e.sourceId) : undefined;
    return `<li>${externalLink(e.url, e.description)}${source ? ` (source: ${link.a(sitePath.source(source.id), source.titleEnglish ?? source.title)})` : ''}</li>`;
  });
  return facts([
    ['Status', statusBadge(r.status)],
    ['Outcome', r.outcome ? esc(formatOutcome(r.outcome, unitOf(q))) : undefined],
    ['Settled on', esc(r.resolvedOn)],
    ['Reason', r.reason === undefined ? undefined : esc(r.reason)],
    ['Corrects an earlier resolution', r.correction ? esc(r.correction.reason) : undefined],
    ['Evidence', evidence.length ? `<ul class="plain">${evidence.join('')}</ul>` : 'none recorded'],
    ['Recorded', esc(`${r.recordedAt} (event ${r.seq})`)],
  ]);
}

/** What the excerpt of a forecast says, in English: the verbal confidence's reading and the note on reading the claim. */
function gloss(f: StoredForecast): string {
  const parts: string[] = [];
  if (f.confidence) {
    parts.push(
      `Worded <span lang="und">“${esc(f.confidence.wording)}”</span>, read as ${esc(pct(f.confidence.impliedProbability))} (${esc(f.confidence.scale)} scale)${f.confidence.note ? `: ${esc(f.confidence.note)}` : '.'}`,
    );
  }
  if (f.note) parts.push(esc(f.note));
  return parts.length ? `<p><strong>In English:</strong> ${parts.join(' ')}</p>` : '';
}

function sourceDetails(data: SiteData, forecasts: readonly StoredForecast[]): string {
  return forecasts
    .map((f) => {
      const source = f.sourceId ? data.sources.get(f.sourceId) : undefined;
      const from = source
        ? `${link.a(sitePath.source(source.id), source.title, `lang="${esc(source.language)}"`)}${source.titleEnglish ? ` (“${esc(source.titleEnglish)}”)` : ''}, ${esc(source.outlet)}, ${esc(source.published.date)}`
        : 'no source recorded';
      return (
        `<section aria-label="${esc(`Forecast by ${forecasterName(data, f.forecasterId)}`)}"><h3>${esc(forecasterName(data, f.forecasterId))}, ${esc(f.madeAt.slice(0, 10))}</h3>` +
        `<p>Source: ${from}${f.reportedBy ? `; reported by ${esc(f.reportedBy)}` : ''}</p>` +
        (f.excerpt ? `<blockquote lang="${esc(source?.language ?? 'und')}">${esc(f.excerpt)}</blockquote>` : '') +
        gloss(f) +
        (f.madeAtBasis ? `<p class="note">Date made: ${esc(f.madeAtBasis)}</p>` : '') +
        '</section>'
      );
    })
    .join('\n');
}

function historyTable(data: SiteData, events: readonly LedgerEvent[]): string {
  const v = data.verification;
  const checked = (seq: number) => v.ok || (v.firstBrokenSeq !== undefined && seq < v.firstBrokenSeq);
  return table(
    ['Event', 'What', 'Record', 'Recorded at', 'Hash', 'Previous hash', 'Chain'],
    events.map((e) => [
      String(e.seq),
      esc(e.type),
      esc(e.entityId),
      esc(e.recordedAt),
      `<code class="hash">${esc(e.hash)}</code>`,
      `<code class="hash">${esc(e.prevHash)}</code>`,
      checked(e.seq) ? '<span class="ok">verified</span>' : '<span class="bad">not verified</span>',
    ]),
    ['num', '', '', 'date'],
  );
}

/**
 * A question's page: the statement, how and when it resolves, every forecast over time (chart and
 * table), each forecast's source and excerpt with its English reading, the resolution with its
 * evidence, and the question's events with their hashes and the verification status.
 *
 * @internal
 */
export function renderQuestionPage(data: SiteData, record: QuestionRecord): string {
  const { question: q, status, resolution } = record;
  const forecasts = data.forecastsByQuestion.get(q.id) ?? [];
  const resolutions = data.resolutionsByQuestion.get(q.id) ?? [];
  const events = data.historyByQuestion.get(q.id) ?? [];
  const questions = questionIndex(data);
  const res = q.resolution;
  const chart = forecastChartSvg({
    question: q,
    forecasts,
    names: new Map([...data.forecasters].map(([id, f]) => [id, f.name])),
    ...(resolution?.outcome ? { outcome: resolution.outcome } : {}),
  });
  const v = data.verification;
  const body = [
    `<h1>${esc(q.title)}</h1>`,
    `<p class="sub">${statusBadge(status)} ${esc(q.kind)} question · ${esc(q.stance)} · due ${esc(res.resolveOn)}</p>`,
    q.tags.length
      ? `<ul class="tags" aria-label="Tags">${q.tags.map((t) => `<li>${link.a(`claims.html?tag=${encodeURIComponent(t)}`, t)}</li>`).join('')}</ul>`
      : '',
    `<p>${esc(q.statement)}</p>`,
    '<h2 id="resolution-criteria">How it resolves</h2>',
    facts([
      ['Due', esc(`${res.resolveOn}: ${SEMANTICS[res.semantics]}`)],
      ['Horizon as worded', esc(res.horizon)],
      ['Due date derived by', res.horizonRule === undefined ? undefined : esc(res.horizonRule)],
      ['Measured over', res.period ? esc(`${res.period.start} to ${res.period.end}`) : undefined],
      ['Criteria', esc(res.criteria)],
      ...kindFacts(q),
      ['Condition', q.condition === undefined ? undefined : esc(q.condition)],
      ['Resolvability', q.resolvability ? esc(`${q.resolvability.rating}: ${q.resolvability.reason}`) : undefined],
      [
        'Related questions',
        q.relations.length
          ? `<ul class="plain">${q.relations.map((r) => `<li>${esc(r.type.replace('_', ' '))}: ${questions.has(r.questionId) ? link.a(sitePath.question(r.questionId), questions.get(r.questionId)!.question.title) : esc(r.questionId)}${r.note ? ` — ${esc(r.note)}` : ''}</li>`).join('')}</ul>`
          : undefined,
      ],
    ]),
    `<h2 id="forecasts">Forecasts (${forecasts.length})</h2>`,
    chart
      ? chartFigure('Chart of forecasts over time', chart, 'Every forecast at the date it was made; the table below lists the same forecasts.')
      : '<p class="note">No forecasts to chart.</p>',
    forecasts.length
      ? scrollTable('Every forecast', forecastsTable(data, 1, forecasts, { forecaster: true, source: true }))
      : '<p class="note">No forecasts yet.</p>',
    '<h2 id="sources">Sources and excerpts</h2>',
    forecasts.length ? sourceDetails(data, forecasts) : '<p class="note">No forecasts yet.</p>',
    '<h2 id="resolution">Resolution</h2>',
    resolution
      ? resolutionFacts(data, q, resolution)
      : `<p class="note">Open: not resolved yet${res.resolveOn < data.asOf ? ` — past due since ${esc(res.resolveOn)}` : ''}.</p>`,
    ...(resolutions.length > 1
      ? ['<h3>Earlier resolutions (superseded)</h3>', ...resolutions.filter((r) => r.seq !== resolution?.seq).map((r) => resolutionFacts(data, q, r))]
      : []),
    '<h2 id="history">History</h2>',
    `<p>${v.ok ? `<span class="ok">Verified</span>: the whole history (${v.events} events) checks out, head <code class="hash">${esc(v.head)}</code>.` : `<span class="bad">Verification failed</span>${v.firstBrokenSeq !== undefined ? ` from event ${v.firstBrokenSeq}` : ''}: ${esc(v.problems.map((p) => p.message).join('; '))}`}</p>`,
    scrollTable('Events about this question', historyTable(data, events)),
  ];
  return framedPage(data, { title: q.title, depth: 1, section: 'none' }, body.join('\n'));
}
