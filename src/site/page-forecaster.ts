import { formatEstimate, pct, score } from '../format/values.js';
import { VERDICT_LABELS } from '../scoring/scorecard/_format.js';
import { badge, calibrationSvg, esc, keyValues, table, tiles, timelineSvg } from '../scoring/scorecard/_html.js';
import { CALIBRATION_CAPTION, predictionCells, scorecardBlocks } from '../scoring/scorecard/render-scorecard.js';
import type { Scorecard } from '../scoring/scorecard/types.js';
import { calibrationTable } from './page-index.js';
import type { SiteData } from './site-data.js';
import { chartFigure, linker, scrollTable, sitePath } from './site-layout.js';
import { framedPage } from './site-parts.js';

const link = linker(1);

/**
 * A forecaster's page: who they are, the scorecard's figures, the calibration chart with its table,
 * every claim over time (chart) and every claim (table, linking to each question).
 *
 * @internal
 */
export function renderForecasterPage(data: SiteData, sc: Scorecard): string {
  const f = sc.forecaster;
  const c = sc.counts;
  const about = [f.type, f.affiliation].filter(Boolean).join(' · ');
  const body = [
    `<h1>${esc(f.name)}</h1>`,
    `<p class="sub">${esc(about)}${f.aliases.length ? ` · also written ${f.aliases.map((a) => `<span lang="und">${esc(a)}</span>`).join(', ')}` : ''}</p>`,
    f.description ? `<p>${esc(f.description)}</p>` : '',
    tiles([
      [String(c.made), 'questions with a claim'],
      [`${c.resolved} / ${c.pending}`, 'resolved / pending'],
      [
        sc.hitRate ? pct(sc.hitRate.rate) : '–',
        sc.hitRate ? `hit rate, 95% CI ${pct(sc.hitRate.lower)} to ${pct(sc.hitRate.upper)} (n=${sc.hitRate.n})` : 'hit rate (nothing resolved)',
      ],
      [score(sc.probability?.meanBrier), 'mean Brier score (lower is better)'],
      [sc.plans.total ? `${sc.plans.achieved} / ${sc.plans.missed}` : '–', 'plans & goals achieved / missed'],
    ]),
    `<p>${link.a(`claims.html?forecaster=${encodeURIComponent(f.id)}`, `Search and filter ${f.name}’s claims`)}</p>`,
    '<h2 id="scorecard">Scorecard</h2>',
    `<div class="cols"><div>${
      sc.probability
        ? `<figure>${calibrationSvg(sc.probability.calibration)}<figcaption>${esc(CALIBRATION_CAPTION)}</figcaption></figure>${calibrationTable(sc.probability.calibration)}`
        : '<p class="note">No resolved probability forecasts yet, so no calibration chart.</p>'
    }</div><div>${scorecardBlocks(sc)
      .map((b) => `<h3>${esc(b.title)}</h3>${keyValues(b.rows)}`)
      .join('\n')}</div></div>`,
    '<h2 id="over-time">Claims over time</h2>',
    sc.predictions.length
      ? chartFigure(
          'Chart of claims by due date',
          timelineSvg(
            sc.predictions.map((p) => ({ date: p.dueOn, verdict: p.verdict, label: `${p.title} — ${formatEstimate(p.estimate, p.unit, p.confidence)}` })),
            sc.asOf,
          ),
          'Every claim at its due date, marked by what became of it; hover a mark for the question. The table below lists the same claims.',
        )
      : '<p class="note">No claims.</p>',
    '<h2 id="claims">Every claim</h2>',
    sc.predictions.length
      ? scrollTable(
          `Every claim by ${f.name}`,
          table(
            ['Due', 'Question', 'Kind', 'Claim', 'Outcome', 'Verdict', 'Score'],
            sc.predictions.map((p) => {
              const cells = predictionCells(p).map(esc);
              cells[1] = link.a(sitePath.question(p.questionId), p.title);
              cells[5] = badge(p.verdict);
              return cells;
            }),
            ['date'],
          ),
        )
      : '<p class="note">No claims.</p>',
    `<p class="note">Verdicts: ${Object.values(VERDICT_LABELS).map(esc).join(', ')}. Scores as on the ${link.a('index.html#leaderboard', 'leaderboard')}.</p>`,
  ];
  return framedPage(data, { title: f.name, depth: 1, section: 'none' }, body.join('\n'));
}
