import { formatEstimate } from '../format/values.js';
import { badge, esc } from '../scoring/scorecard/_html.js';
import { kindLabel } from '../scoring/scorecard/_format.js';
import { QUESTION_KINDS, STANCES } from '../model/question.js';
import type { SiteData } from './site-data.js';
import { linker, sitePath } from './site-layout.js';
import { framedPage, questionIndex } from './site-parts.js';

const STATUSES = ['open', 'resolved', 'annulled', 'ambiguous'] as const;

function select(name: string, label: string, options: readonly (readonly [value: string, text: string])[]): string {
  return `<label>${esc(label)}<select name="${esc(name)}"><option value="">any</option>${options.map(([v, t]) => `<option value="${esc(v)}">${esc(t)}</option>`).join('')}</select></label>`;
}

/**
 * The page of every claim (one row per forecaster and question, their latest claim), with the
 * search box and filters the site script drives: forecaster, tag, status, kind, stance and a due
 * range. Without the script every claim is listed.
 *
 * @internal
 */
export function renderClaimsPage(data: SiteData): string {
  const link = linker(0);
  const questions = questionIndex(data);
  const rows = data.scorecards
    .flatMap((sc) => sc.predictions.map((p) => ({ sc, p, record: questions.get(p.questionId) })))
    .sort((a, b) =>
      a.p.dueOn < b.p.dueOn
        ? -1
        : a.p.dueOn > b.p.dueOn
          ? 1
          : a.p.questionId < b.p.questionId
            ? -1
            : a.p.questionId > b.p.questionId
              ? 1
              : a.sc.forecaster.id < b.sc.forecaster.id
                ? -1
                : 1,
    );
  const tags = [...new Set(data.questions.flatMap((r) => r.question.tags))].sort();
  const dueDates = data.questions.map((r) => r.question.resolution.resolveOn).sort();
  const body = [
    '<h1>All claims</h1>',
    `<p class="sub">Every forecaster’s latest claim on every question. Search words match the title, statement, forecaster, tags and excerpts.</p>`,
    `<form id="filters" class="filters" role="search" aria-label="Search and filter claims" action="claims.html" method="get">`,
    `<label class="wide">Words<input id="f-q" type="search" name="q" placeholder="e.g. copper, agents, 2030"></label>`,
    select(
      'forecaster',
      'Forecaster',
      data.scorecards.map((sc) => [sc.forecaster.id, sc.forecaster.name] as const).sort((a, b) => (a[1] < b[1] ? -1 : 1)),
    ),
    select(
      'tag',
      'Tag',
      tags.map((t) => [t, t] as const),
    ),
    select(
      'status',
      'Status',
      STATUSES.map((s) => [s, s] as const),
    ),
    select(
      'kind',
      'Kind',
      QUESTION_KINDS.map((k) => [k, k] as const),
    ),
    select(
      'stance',
      'Stance',
      STANCES.map((s) => [s, s] as const),
    ),
    `<label>Due from<input type="date" name="from" min="${esc(dueDates[0] ?? '')}" max="${esc(dueDates[dueDates.length - 1] ?? '')}"></label>`,
    `<label>Due until<input type="date" name="to" min="${esc(dueDates[0] ?? '')}" max="${esc(dueDates[dueDates.length - 1] ?? '')}"></label>`,
    '<div><button type="submit">Apply</button> <button type="reset">Clear</button></div>',
    '</form>',
    `<p id="claims-count" role="status" aria-live="polite">All ${rows.length} claims</p>`,
    '<div class="table-wrap" role="region" aria-label="Claims" tabindex="0"><table id="claims"><thead><tr><th>Due</th><th>Question</th><th>Forecaster</th><th>Kind</th><th>Claim</th><th>Verdict</th></tr></thead><tbody>',
    ...rows.map(({ sc, p, record }) => {
      const q = record?.question;
      const excerpts = (data.forecastsByQuestion.get(p.questionId) ?? []).filter((f) => f.forecasterId === sc.forecaster.id).map((f) => f.excerpt ?? '');
      const text = [p.title, q?.statement ?? '', sc.forecaster.name, ...sc.forecaster.aliases, ...(q?.tags ?? []), ...excerpts, p.questionId]
        .join(' ')
        .toLowerCase();
      const attrs = [
        ['forecaster', sc.forecaster.id],
        ['tags', (q?.tags ?? []).join(' ')],
        ['status', p.status],
        ['kind', p.kind],
        ['stance', p.stance],
        ['due', p.dueOn],
        ['text', text],
      ]
        .map(([k, v]) => `data-${k}="${esc(v!)}"`)
        .join(' ');
      return `<tr ${attrs}><td class="date">${esc(p.dueOn)}</td><td>${link.a(sitePath.question(p.questionId), p.title)}</td><td>${link.a(sitePath.forecaster(sc.forecaster.id), sc.forecaster.name)}</td><td>${esc(kindLabel(p))}</td><td>${esc(formatEstimate(p.estimate, p.unit, p.confidence))}</td><td>${badge(p.verdict)}</td></tr>`;
    }),
    '</tbody></table></div>',
  ];
  return framedPage(data, { title: 'All claims', depth: 0, section: 'claims' }, body.join('\n'));
}
