import type { Source } from '../model/source.js';
import { esc, table } from '../scoring/scorecard/_html.js';
import type { SiteData } from './site-data.js';
import { externalLink, linker, scrollTable, sitePath } from './site-layout.js';
import { forecastsTable, framedPage } from './site-parts.js';

/**
 * A source's page: the document (title in its language, English title, outlet, author, when it was
 * published and how that is known, language, where to read it) and every claim taken from it.
 *
 * @internal
 */
export function renderSourcePage(data: SiteData, source: Source): string {
  const forecasts = data.forecasts.filter((f) => f.sourceId === source.id);
  const p = source.published;
  const rows: [string, string | undefined][] = [
    ['Outlet', esc(source.outlet)],
    ['Author', source.author === undefined ? undefined : esc(source.author)],
    ['Published', esc(`${p.date} (known to the ${p.precision})`)],
    ['How the date is known', p.basis === undefined ? undefined : esc(p.basis)],
    ['Language', `<code>${esc(source.language)}</code>`],
    ['Read it', source.url ? externalLink(source.url, source.url) : undefined],
    ['Note', source.note === undefined ? undefined : esc(source.note)],
  ];
  const body = [
    `<h1 lang="${esc(source.language)}">${esc(source.title)}</h1>`,
    source.titleEnglish ? `<p class="sub">In English: ${esc(source.titleEnglish)}</p>` : '',
    `<dl class="facts">${rows
      .filter((r): r is [string, string] => r[1] !== undefined)
      .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
      .join('')}</dl>`,
    `<h2 id="claims">Claims in this source (${forecasts.length})</h2>`,
    forecasts.length
      ? scrollTable('Claims in this source', forecastsTable(data, 1, forecasts, { forecaster: true, question: true }))
      : '<p class="note">No claims recorded from this source.</p>',
  ];
  return framedPage(data, { title: source.titleEnglish ?? source.title, depth: 1, section: 'none' }, body.join('\n'));
}

/** The list of every source, newest first, with its number of claims. @internal */
export function renderSourcesPage(data: SiteData): string {
  const link = linker(0);
  const claims = new Map<string, number>();
  for (const f of data.forecasts) if (f.sourceId) claims.set(f.sourceId, (claims.get(f.sourceId) ?? 0) + 1);
  const sources = [...data.sources.values()].sort((a, b) => (a.published.date > b.published.date ? -1 : a.published.date < b.published.date ? 1 : 0));
  const body = [
    '<h1>Sources</h1>',
    `<p class="sub">${sources.length} documents the claims were taken from, newest first.</p>`,
    sources.length
      ? scrollTable(
          'Every source',
          table(
            ['Published', 'Document', 'Outlet', 'Claims'],
            sources.map((s) => [
              esc(s.published.date),
              `${link.a(sitePath.source(s.id), s.title, `lang="${esc(s.language)}"`)}${s.titleEnglish ? `<br><span class="note">${esc(s.titleEnglish)}</span>` : ''}`,
              esc(s.outlet),
              String(claims.get(s.id) ?? 0),
            ]),
            ['date', '', '', 'num'],
          ),
        )
      : '<p class="note">No sources recorded.</p>',
  ];
  return framedPage(data, { title: 'Sources', depth: 0, section: 'sources' }, body.join('\n'));
}
