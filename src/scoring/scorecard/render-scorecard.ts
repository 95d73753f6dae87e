import { displayText } from '../../format/safe-text.js';
import { day, days, formatEstimate, formatOutcome, num, pct, score } from '../../format/values.js';
import { assertObject, guardInput } from '../_internal/validate.js';
import { readFormat, formatScore, kindLabel, toJson, VERDICT_LABELS } from './_format.js';
import { badge, calibrationSvg, esc, keyValues, page, percentRange, table, tiles, timelineSvg } from './_html.js';
import type { RenderFormat, Scorecard, ScorecardPrediction } from './types.js';

/** A titled list of (label, value) lines, rendered as a table in either format. @internal */
interface Block {
  readonly title: string;
  readonly rows: readonly (readonly [string, string])[];
  readonly note?: string;
}

function hitRateText(sc: Scorecard): string {
  const h = sc.hitRate;
  return h ? `${pct(h.rate)} (${h.hits}/${h.n}; 95% CI ${pct(h.lower)}–${pct(h.upper)})` : '–';
}

/** The figures of a scorecard, grouped, as plain text (escaped by the caller). @internal */
export function scorecardBlocks(sc: Scorecard): Block[] {
  const c = sc.counts;
  const blocks: Block[] = [
    {
      title: 'Claims',
      rows: [
        ['Questions with a claim', `${c.made} (${c.forecasts} forecast${c.forecasts === 1 ? '' : 's'} incl. updates)`],
        ['Resolved', `${c.resolved} (scored ${c.scored}${c.unscored ? `, ${c.unscored} made after the close` : ''})`],
        ['Pending', `${c.pending}${c.overdue ? ` (${c.overdue} past due, awaiting resolution)` : ''}`],
        ['Annulled / ambiguous (never scored)', `${c.annulled} / ${c.ambiguous}`],
        ['Hit rate (forecasts of every kind)', hitRateText(sc) + (sc.hitRate?.noCalls ? `, ${sc.hitRate.noCalls} no call` : '')],
        ...(sc.madeAfterOutcome.length ? [['Forecasts made after the outcome (never scored)', String(sc.madeAfterOutcome.length)] as const] : []),
      ],
    },
  ];
  const p = sc.probability;
  if (p) {
    blocks.push({
      title: 'Probability forecasts (binary)',
      rows: [
        ['Scored', `${p.n} (${p.stated} stated, ${p.implied} implied by wording)`],
        ['Mean Brier score (lower is better; 0.25 = always 50%)', score(p.meanBrier)],
        ['Mean log loss (lower is better; 0.693 = always 50%)', score(p.meanLogLoss)],
        [
          'Reliability / resolution / uncertainty',
          `${score(p.decomposition.reliability)} / ${score(p.decomposition.resolution)} / ${score(p.decomposition.uncertainty)}`,
        ],
      ],
    });
  }
  const n = sc.numeric;
  if (n) {
    const rows: [string, string][] = [];
    if (n.points.n) {
      rows.push(['Point claims (hits within tolerance)', `${n.points.hits} of ${n.points.n}`]);
      rows.push(['Median absolute percentage error (lower is better)', pct(n.points.medianAbsolutePercentageError, 1)]);
      rows.push(['Mean log accuracy ratio |ln(estimate/actual)| (lower is better)', score(n.points.meanLogAccuracyRatio)]);
    }
    if (n.intervals.n)
      rows.push([
        'Ranges holding the outcome (coverage vs mean stated level)',
        `${n.intervals.inside} of ${n.intervals.n} (${pct(n.intervals.coverage)} vs ${pct(n.intervals.meanLevel)})`,
      ]);
    if (n.quantiles.n) rows.push(['Quantile forecasts', String(n.quantiles.n)]);
    blocks.push({ title: 'Numeric claims', rows });
  }
  const d = sc.dates;
  if (d) {
    blocks.push({
      title: 'Date claims',
      rows: [
        ['Within their window', `${d.hits} of ${d.n}`],
        ['Mean |error| (lower is better)', `${num(Math.round(d.meanAbsoluteErrorDays))} d`],
        ['Median error (+ = later than claimed)', days(d.medianErrorDays)],
      ],
    });
  }
  const r = sc.relative;
  if (r) {
    blocks.push({
      title: 'Against other forecasters (same questions)',
      rows: [
        ['Shared binary questions', String(r.questions)],
        ['Mean peer score (higher is better; 0 = average of the others)', `${r.meanPeerScore >= 0 ? '+' : '−'}${Math.abs(r.meanPeerScore).toFixed(1)}`],
        ['Mean relative Brier (lower is better; 0 = median other)', `${r.meanRelativeBrier >= 0 ? '+' : '−'}${Math.abs(r.meanRelativeBrier).toFixed(3)}`],
      ],
    });
  }
  const pl = sc.plans;
  if (pl.total) {
    blocks.push({
      title: 'Plans and goals (not part of forecast accuracy)',
      rows: [
        ['Made', String(pl.total)],
        ['Achieved / missed', `${pl.achieved} / ${pl.missed}${pl.noCalls ? ` (${pl.noCalls} undecided)` : ''}`],
        ['Pending', String(pl.pending)],
        ['Annulled / ambiguous', `${pl.annulled} / ${pl.ambiguous}`],
      ],
    });
  }
  return blocks;
}

/** The columns of a prediction as plain text: due, question, kind, claim, outcome, verdict, score. @internal */
export function predictionCells(p: ScorecardPrediction): [string, string, string, string, string, string, string] {
  return [
    p.dueOn,
    p.title,
    kindLabel(p),
    formatEstimate(p.estimate, p.unit, p.confidence) + (p.forecasts > 1 ? ` (latest of ${p.forecasts})` : ''),
    formatOutcome(p.outcome, p.unit) + (p.resolvedOn && p.status === 'resolved' ? ` (${day(p.resolvedOn)}${p.corrected ? ', corrected' : ''})` : ''),
    VERDICT_LABELS[p.verdict],
    formatScore(p),
  ];
}

const PREDICTION_HEAD = ['Due', 'Question', 'Kind', 'Claim', 'Outcome', 'Verdict', 'Score'];

/** How many forecasts made after the outcome a Markdown or HTML scorecard lists (the JSON has them all). */
const AFTER_OUTCOME_ROWS = 100;

/** The forecasts made after the outcome as plain-text rows (question, forecast, made, resolved on), at most `limit`, and how many more. */
function afterOutcomeRows(sc: Scorecard, limit: number): { rows: string[][]; more: number } {
  const shown = sc.madeAfterOutcome.slice(0, limit);
  return { rows: shown.map((f) => [f.title, f.forecastId, f.madeAt, f.resolvedOn]), more: sc.madeAfterOutcome.length - shown.length };
}

const AFTER_OUTCOME_TITLE = 'Made after the outcome (not scored)';
const AFTER_OUTCOME_HEAD = ['Question', 'Forecast', 'Made', 'Resolved on'];
const AFTER_OUTCOME_NOTE =
  'These forecasts were made after the end of the day the question was resolved (UTC); the resolution was recorded with them kept as made after the outcome.';

/**
 * Text for Markdown: control and bidirectional characters shown as visible escapes (as in the
 * terminal, src/format/safe-text.ts), the Markdown characters backslash-escaped, line breaks as spaces.
 *
 * @internal
 */
export function md(text: string): string {
  return displayText(text, { multiline: true })
    .replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)
    .replaceAll('\n', ' ');
}

/** A Markdown table. @internal */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.map(md).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n');
}

function scorecardMarkdown(sc: Scorecard): string {
  const f = sc.forecaster;
  const out = [`# Scorecard: ${md(f.name)}`, '', `${md([f.type, f.affiliation].filter(Boolean).join(' · '))} — as of ${md(sc.asOf)}`, ''];
  for (const b of scorecardBlocks(sc)) out.push(`## ${md(b.title)}`, '', mdTable(['', ''], b.rows), '');
  if (sc.probability) {
    out.push(
      '## Calibration',
      '',
      mdTable(
        ['Bin', 'Forecasts', 'Mean forecast', 'Happened'],
        sc.probability.calibration.map((b) => [percentRange(b.lower, b.upper), String(b.count), pct(b.meanProbability), pct(b.observedFrequency)]),
      ),
      '',
    );
  }
  out.push('## Coming due', '');
  out.push(
    sc.upcoming.length
      ? mdTable(
          ['Due', 'Question', 'Claim'],
          sc.upcoming.map((p) => [p.dueOn, p.title, formatEstimate(p.estimate, p.unit, p.confidence)]),
        )
      : 'Nothing pending.',
    '',
  );
  out.push('## Every prediction', '', sc.predictions.length ? mdTable(PREDICTION_HEAD, sc.predictions.map(predictionCells)) : 'No predictions.', '');
  if (sc.madeAfterOutcome.length) {
    const { rows, more } = afterOutcomeRows(sc, AFTER_OUTCOME_ROWS);
    out.push(`## ${AFTER_OUTCOME_TITLE}`, '', md(AFTER_OUTCOME_NOTE), '', mdTable(AFTER_OUTCOME_HEAD, rows), '');
    if (more) out.push(`… and ${more} more.`, '');
  }
  return out.join('\n');
}

/** What a calibration chart shows, under the chart. @internal */
export const CALIBRATION_CAPTION =
  'Calibration of binary forecasts: points on the dashed diagonal are perfectly calibrated; each point is one probability bin, sized and labelled by its number of forecasts.';

/** The HTML of a scorecard without the page around it (the report puts several on one page). @internal */
export function scorecardHtmlBody(sc: Scorecard, headingLevel: 1 | 2 = 1): string {
  const f = sc.forecaster;
  const h = (level: number, text: string, id?: string) => `<h${level}${id ? ` id="${esc(id)}"` : ''}>${esc(text)}</h${level}>`;
  const top = headingLevel;
  const sub = headingLevel + 1;
  const c = sc.counts;
  const parts = [
    h(top, top === 1 ? `Scorecard: ${f.name}` : f.name, top === 1 ? undefined : `forecaster-${f.id}`),
    `<p class="sub">${esc([f.type, f.affiliation].filter(Boolean).join(' · '))} — as of ${esc(sc.asOf)}</p>`,
    tiles([
      [String(c.made), 'questions with a claim'],
      [`${c.resolved} / ${c.pending}`, 'resolved / pending'],
      [
        sc.hitRate ? pct(sc.hitRate.rate) : '–',
        sc.hitRate ? `hit rate, 95% CI ${pct(sc.hitRate.lower)}–${pct(sc.hitRate.upper)} (n=${sc.hitRate.n})` : 'hit rate (nothing resolved)',
      ],
      [score(sc.probability?.meanBrier), 'mean Brier score (lower is better)'],
      [pct(sc.numeric?.points.medianAbsolutePercentageError, 1), 'median abs. % error of numbers'],
      [sc.plans.total ? `${sc.plans.achieved} / ${sc.plans.missed}` : '–', 'plans & goals achieved / missed'],
    ]),
    h(sub, 'Claims by due date'),
    sc.predictions.length
      ? `<figure>${timelineSvg(
          sc.predictions.map((p) => ({ date: p.dueOn, verdict: p.verdict, label: `${p.title} — ${formatEstimate(p.estimate, p.unit, p.confidence)}` })),
          sc.asOf,
        )}<figcaption>Every claim at its due date; hover a mark for the question.</figcaption></figure>`
      : '<p class="note">No claims.</p>',
    h(sub, 'Accuracy'),
    // The caption describes the chart, so it goes only with a chart that is drawn.
    `<div class="charts">${sc.probability ? `<figure>${calibrationSvg(sc.probability.calibration)}<figcaption>${CALIBRATION_CAPTION}</figcaption></figure>` : '<p class="note">No resolved probability forecasts yet, so no calibration chart.</p>'}` +
      `<div>${scorecardBlocks(sc)
        .map((b) => h(sub + 1, b.title) + keyValues(b.rows))
        .join('\n')}</div></div>`,
  ];
  parts.push(h(sub, 'Coming due'));
  parts.push(
    sc.upcoming.length
      ? table(
          ['Due', 'Question', 'Claim'],
          sc.upcoming.map((p) => [esc(p.dueOn), esc(p.title), esc(formatEstimate(p.estimate, p.unit, p.confidence))]),
          ['date'],
        )
      : '<p class="note">Nothing pending.</p>',
  );
  parts.push(h(sub, 'Every prediction'));
  parts.push(
    table(
      PREDICTION_HEAD,
      sc.predictions.map((p) => {
        const cells = predictionCells(p).map(esc);
        cells[5] = badge(p.verdict);
        return cells;
      }),
      ['date', '', '', '', '', '', ''],
    ),
  );
  if (sc.madeAfterOutcome.length) {
    const { rows, more } = afterOutcomeRows(sc, AFTER_OUTCOME_ROWS);
    parts.push(h(sub, AFTER_OUTCOME_TITLE), `<p class="note">${esc(AFTER_OUTCOME_NOTE)}</p>`);
    parts.push(
      table(
        AFTER_OUTCOME_HEAD,
        rows.map((r) => r.map(esc)),
        ['', '', 'date', 'date'],
      ),
    );
    if (more) parts.push(`<p class="note">… and ${more} more.</p>`);
  }
  return parts.join('\n');
}

/** How scores are computed, in a few lines, for the page footer. @internal */
export const SCORING_FOOTER = `<footer>Scores: Brier (1950) and log loss for probabilities (binary claims without a number are scored at the probability their wording implies); absolute percentage error, log accuracy ratio and a ±tolerance hit for numbers; interval score (Gneiting &amp; Raftery 2007) for ranges; days early or late for dates. A forecaster's score on a question is the time-weighted average of their standing forecasts (Metaculus scoring FAQ); peer score as Metaculus, relative Brier as Fatebook. Plans and goals are reported as achieved or missed, apart from accuracy; annulled and ambiguous questions are never scored. See docs/scoring.md in forecast-ledger.</footer>`;

/**
 * Renders a scorecard as Markdown, one self-contained HTML page, or JSON.
 *
 * @remarks
 * - `markdown`: headings and tables; all text escaped for Markdown.
 * - `html`: ONE self-contained file — inline CSS, inline SVG charts, no script, no external fonts,
 *   images or links to load, and a Content-Security-Policy that forbids any network access. It
 *   shows the key figures, a calibration chart (diagonal, one point per bin sized and labelled by
 *   count), a timeline of the claims by due date (hits, misses, pending claims and plans drawn
 *   differently, with a legend and an "as of" line), the coming-due list and every prediction.
 *   All text is HTML-escaped.
 * - `json`: the scorecard as data, 2-space indented (non-finite numbers as `null`).
 *
 * @param scorecard - from `ledger.scorecard()` or `buildScorecard` (forecast-ledger/scoring)
 * @param format - `markdown`, `html` or `json`; `md` is accepted for `markdown`
 * @returns the document, ending in a newline
 * @throws LedgerError `validation_failed` for an unknown format
 *
 * @example
 * ```ts
 * const card = buildScorecard(data, 'alice', { asOf: '2026-01-01' });
 * renderScorecard(card, 'html').startsWith('<!doctype html>'); //=> true
 * JSON.parse(renderScorecard(card, 'json')).forecaster.id; //=> 'alice'
 * ```
 */
export function renderScorecard(scorecard: Scorecard, format: RenderFormat | 'md'): string {
  const read = readFormat('renderScorecard', format);
  assertObject('renderScorecard', 'scorecard', scorecard, SCORECARD);
  return guardInput('renderScorecard', 'scorecard', SCORECARD, () => renderScorecardUnchecked(scorecard, read));
}

/** What {@link renderScorecard} takes, in its messages. */
const SCORECARD = 'a Scorecard from buildScorecard() or ledger.scorecard()';

function renderScorecardUnchecked(scorecard: Scorecard, format: RenderFormat): string {
  if (format === 'json') return toJson(scorecard);
  if (format === 'markdown') return `${scorecardMarkdown(scorecard).trimEnd()}\n`;
  return page(`Scorecard: ${scorecard.forecaster.name}`, `${scorecardHtmlBody(scorecard)}\n${SCORING_FOOTER}`);
}
