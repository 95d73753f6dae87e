import { pct, score } from '../../format/values.js';
import { assertObject, guardInput } from '../_internal/validate.js';
import { readFormat, toJson } from './_format.js';
import { esc, page, table } from './_html.js';
import { md, mdTable, SCORING_FOOTER } from './render-scorecard.js';
import { LEADERBOARD_RULE } from './build-leaderboard.js';
import type { Leaderboard, LeaderboardEntry, RenderFormat } from './types.js';

const HEAD = ['Rank', 'Forecaster', 'Resolved', 'Mean Brier', 'Log loss', 'Hit rate', '95% CI', 'Peer score', 'Rel. Brier'];

function signed(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
}

/** A leaderboard row as plain text. @internal */
export function leaderboardCells(e: LeaderboardEntry): string[] {
  return [
    String(e.rank),
    e.name,
    `${e.resolved}${e.binary !== e.resolved ? ` (${e.binary} binary)` : ''}`,
    score(e.meanBrier),
    score(e.meanLogLoss),
    e.hitRate ? `${pct(e.hitRate.rate)} (${e.hitRate.hits}/${e.hitRate.n})` : '–',
    e.hitRate ? `${pct(e.hitRate.lower)}–${pct(e.hitRate.upper)}` : '–',
    e.relativeQuestions ? `${signed(e.meanPeerScore, 1)} (${e.relativeQuestions})` : '–',
    signed(e.meanRelativeBrier, 3),
  ];
}

function explanation(lb: Leaderboard): string {
  return `${LEADERBOARD_RULE} Forecasters need at least ${lb.minResolved} resolved forecast${lb.minResolved === 1 ? '' : 's'}; plans and goals are not ranked.`;
}

/** The leaderboard's HTML without a page around it. @internal */
export function leaderboardHtmlBody(lb: Leaderboard, heading: string, linkTo?: (forecasterId: string) => string): string {
  const name = (id: string, text: string) => (linkTo ? `<a href="${esc(linkTo(id))}">${esc(text)}</a>` : esc(text));
  const rows = lb.entries.map((e) => {
    const cells = leaderboardCells(e).map(esc);
    cells[1] = name(e.forecasterId, e.name);
    return cells;
  });
  return [
    heading,
    `<p class="note">${esc(explanation(lb))}</p>`,
    // The wrapper scrolls sideways on a narrow screen instead of cutting the table off.
    lb.entries.length
      ? `<div class="table-wrap" role="region" aria-label="Leaderboard table" tabindex="0">${table(HEAD, rows, ['num', '', 'num', 'num', 'num', 'num', 'num', 'num', 'num'])}</div>`
      : '<p class="note">Nobody has enough resolved forecasts to be ranked yet.</p>',
    lb.unranked.length ? `<p class="note">Not ranked yet: ${lb.unranked.map((u) => `${name(u.forecasterId, u.name)} (${u.resolved})`).join(', ')}.</p>` : '',
  ].join('\n');
}

/**
 * Renders a leaderboard as Markdown, one self-contained HTML page, or JSON.
 *
 * @remarks
 * A table of the ranked forecasters — rank, resolved forecasts, mean Brier score and log loss
 * (lower is better), hit rate with its Wilson 95 % interval, mean peer score (higher is better) and
 * mean relative Brier (lower is better) — followed by the unranked ones. The HTML is a single file
 * with no external assets; all text is escaped.
 *
 * @param leaderboard - from `ledger.leaderboard()` or `buildLeaderboard` (forecast-ledger/scoring)
 * @param format - `markdown`, `html` or `json`; `md` is accepted for `markdown`
 * @returns the document, ending in a newline
 * @throws LedgerError `validation_failed` for an unknown format
 *
 * @example
 * ```ts
 * const board = buildLeaderboard(data, { asOf: '2026-01-01' });
 * renderLeaderboard(board, 'markdown').split('\n')[0]; //=> '# Leaderboard'
 * ```
 */
export function renderLeaderboard(leaderboard: Leaderboard, format: RenderFormat | 'md'): string {
  const read = readFormat('renderLeaderboard', format);
  assertObject('renderLeaderboard', 'leaderboard', leaderboard, LEADERBOARD);
  return guardInput('renderLeaderboard', 'leaderboard', LEADERBOARD, () => renderLeaderboardUnchecked(leaderboard, read));
}

/** What {@link renderLeaderboard} takes, in its messages. */
const LEADERBOARD = 'a Leaderboard from buildLeaderboard() or ledger.leaderboard()';

function renderLeaderboardUnchecked(leaderboard: Leaderboard, format: RenderFormat): string {
  if (format === 'json') return toJson(leaderboard);
  if (format === 'markdown') {
    const lines = ['# Leaderboard', '', `As of ${md(leaderboard.asOf)}. ${explanation(leaderboard)}`, ''];
    lines.push(
      leaderboard.entries.length ? mdTable(HEAD, leaderboard.entries.map(leaderboardCells)) : 'Nobody has enough resolved forecasts to be ranked yet.',
    );
    if (leaderboard.unranked.length) lines.push('', `Not ranked yet: ${leaderboard.unranked.map((u) => `${md(u.name)} (${u.resolved})`).join(', ')}.`);
    return `${lines.join('\n')}\n`;
  }
  return page('Leaderboard', `${leaderboardHtmlBody(leaderboard, `<h1>Leaderboard</h1><p class="sub">As of ${esc(leaderboard.asOf)}</p>`)}\n${SCORING_FOOTER}`);
}
