import { assertObject, guardInput, invalidInput } from '../_internal/validate.js';
import { formatEstimate } from '../../format/values.js';
import { esc, page, timelineSvg } from './_html.js';
import { leaderboardHtmlBody } from './render-leaderboard.js';
import { SCORING_FOOTER, scorecardHtmlBody } from './render-scorecard.js';
import type { Leaderboard, Scorecard } from './types.js';

/** Input of {@link renderReport}. */
export interface RenderReportInput {
  /** One scorecard per forecaster to show, in the order to show them. */
  readonly scorecards: readonly Scorecard[];
  /** The leaderboard shown first. */
  readonly leaderboard: Leaderboard;
  /** The page title; default `forecast-ledger report`. */
  readonly title?: string;
  /** A line under the title (e.g. what the ledger holds); plain text. */
  readonly subtitle?: string;
  /** The "as of" date of the all-claims timeline; default the leaderboard's `asOf`. */
  readonly asOf?: string;
}

/**
 * Renders one self-contained HTML page with the leaderboard, a timeline of every claim, and every
 * forecaster's scorecard.
 *
 * @remarks
 * The page the main job writes to `reports/index.html`: the leaderboard (names link to the
 * scorecards below), a timeline of all claims with one row per forecaster (hits, misses, pending
 * claims and plans drawn differently, with a legend and an "as of" line), a table of contents, and
 * each scorecard as {@link renderScorecard} draws it. Inline CSS and SVG only: no script, no external
 * fonts or images, and a Content-Security-Policy forbidding any network access. All text is escaped.
 *
 * @param input - the scorecards, the leaderboard, and optionally a title, subtitle and as-of date
 * @returns the HTML page, ending in a newline
 * @throws LedgerError `validation_failed` when `input` is not `{ scorecards, leaderboard }` as built by
 *   the library (`scorecards` not an array, a scorecard or the leaderboard of the wrong shape)
 *
 * @example
 * ```ts
 * const card = buildScorecard(data, 'alice', { asOf: '2026-01-01' });
 * const html = renderReport({ scorecards: [card], leaderboard: buildLeaderboard(data, { asOf: '2026-01-01' }) });
 * html.includes('<script'); //=> false
 * ```
 */
export function renderReport(input: RenderReportInput): string {
  const expected = '{ scorecards, leaderboard } from buildScorecard() and buildLeaderboard()';
  assertObject('renderReport', 'input', input, expected);
  return guardInput('renderReport', 'input', expected, () => renderReportUnchecked(input));
}

function renderReportUnchecked(input: RenderReportInput): string {
  const { scorecards, leaderboard } = input;
  if (!Array.isArray(scorecards as unknown)) throw invalidInput('renderReport', 'input.scorecards', 'to be an array of scorecards', scorecards);
  assertObject('renderReport', 'input.leaderboard', leaderboard, 'a Leaderboard from buildLeaderboard()');
  const title = input.title ?? 'forecast-ledger report';
  const asOf = input.asOf ?? leaderboard.asOf;
  const items = scorecards.flatMap((sc) =>
    sc.predictions.map((p) => ({
      date: p.dueOn,
      verdict: p.verdict,
      group: sc.forecaster.name,
      label: `${sc.forecaster.name}: ${p.title} — ${formatEstimate(p.estimate, p.unit, p.confidence)}`,
    })),
  );
  const claims = items.length;
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="sub">${esc(input.subtitle ?? `${scorecards.length} forecasters, ${claims} claims`)} — as of ${esc(asOf)}</p>`,
    leaderboardHtmlBody(leaderboard, '<h2 id="leaderboard">Leaderboard</h2>', (id) => `#forecaster-${id}`),
    '<h2 id="timeline">Every claim by due date</h2>',
    claims
      ? `<figure>${timelineSvg(items, asOf)}<figcaption>One row per forecaster; hover a mark for the claim.</figcaption></figure>`
      : '<p class="note">No claims yet.</p>',
    '<h2 id="scorecards">Scorecards</h2>',
    `<nav class="toc">${scorecards.map((sc) => `<div><a href="#forecaster-${esc(sc.forecaster.id)}">${esc(sc.forecaster.name)}</a> (${sc.counts.made})</div>`).join('')}</nav>`,
    ...scorecards.map((sc) => `<section class="card">${scorecardHtmlBody(sc, 2)}</section>`),
    SCORING_FOOTER,
  ];
  return page(title, body.join('\n'));
}
