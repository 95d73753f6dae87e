import { renderReport, renderScorecard, type Scorecard } from '../../scoring/index.js';
import { safeJson } from '../../format/safe-text.js';
import type { CommandContext } from '../context.js';
import { documentFormat, emitDocument } from '../document-output.js';
import { asOfFlag, dateFlag, parseSlug, slugFlag } from '../flags.js';
import { forecasterSummaries, summarize, summaryLine } from '../forecaster-summaries.js';
import { formatEstimate, formatOutcome, formatProbability } from '../format-values.js';
import { withLedger } from '../ledger-session.js';
import { Output } from '../output.js';

/** The formats of `scorecard` and `leaderboard`: `md` is short for `markdown`. @internal */
export const SCORE_FORMATS = ['table', 'md', 'markdown', 'html', 'json'] as const;

const VERDICT_STYLE = { hit: 'green', achieved: 'green', miss: 'red', missed: 'red', overdue: 'yellow' } as const;

/** How many forecasts made after the outcome the terminal scorecard lists. */
const AFTER_OUTCOME_LINES = 10;

/** A scorecard for a terminal: the summary, the headline scores and every prediction. @internal */
export function scorecardText(out: Output, sc: Scorecard): string {
  const lines = [`${out.style('bold', sc.forecaster.name)} (${sc.forecaster.id}) — scorecard as of ${sc.asOf}`, summaryLine(summarize(sc))];
  const h = sc.hitRate;
  if (h) lines.push(`hit rate ${formatProbability(h.rate)} (${h.hits} of ${h.n}; 95% interval ${formatProbability(h.lower)}–${formatProbability(h.upper)})`);
  const p = sc.probability;
  if (p) lines.push(`probabilities: mean Brier ${p.meanBrier.toFixed(3)}, log loss ${p.meanLogLoss.toFixed(3)} over ${p.n} (lower is better)`);
  if (sc.numeric?.points.n) lines.push(`numbers: ${sc.numeric.points.hits} of ${sc.numeric.points.n} point claims within tolerance`);
  if (sc.dates) lines.push(`dates: ${sc.dates.hits} of ${sc.dates.n} in their window, mean error ${sc.dates.meanAbsoluteErrorDays.toFixed(0)} days`);
  if (sc.plans.total) lines.push(`plans and goals: ${sc.plans.achieved} achieved, ${sc.plans.missed} missed, ${sc.plans.pending} pending`);
  if (sc.relative)
    lines.push(`against others on ${sc.relative.questions} shared questions: peer score ${sc.relative.meanPeerScore.toFixed(1)} (higher is better)`);
  lines.push('');
  lines.push(
    out.table(
      ['DUE', 'VERDICT', 'QUESTION', 'CLAIM'],
      sc.predictions.map((pr) => {
        const claim = `${formatEstimate(pr.estimate, pr.unit, pr.confidence)}${pr.outcome ? ` → ${formatOutcome(pr.outcome, pr.unit)}` : ''}`;
        return [pr.dueOn, pr.verdict, pr.questionId, claim];
      }),
      (text, row, column) => {
        const style = column === 1 ? VERDICT_STYLE[sc.predictions[row]!.verdict as keyof typeof VERDICT_STYLE] : undefined;
        return style ? out.style(style, text) : text;
      },
    ),
  );
  const after = sc.madeAfterOutcome;
  if (after.length) {
    lines.push('', `made after the outcome (not scored): ${after.length} forecast${after.length === 1 ? '' : 's'}`);
    lines.push(
      out.table(
        ['QUESTION', 'FORECAST', 'MADE', 'RESOLVED ON'],
        after.slice(0, AFTER_OUTCOME_LINES).map((f) => [f.questionId, f.forecastId, f.madeAt, f.resolvedOn]),
      ),
    );
    if (after.length > AFTER_OUTCOME_LINES) lines.push(`… and ${after.length - AFTER_OUTCOME_LINES} more (--format json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}

/** `forecast-ledger scorecard [forecaster]`: one forecaster's scorecard, or every forecaster's. */
export async function run(ctx: CommandContext): Promise<void> {
  const format = documentFormat(ctx, SCORE_FORMATS, 'table');
  const recordedBy = dateFlag(ctx, 'recorded-by');
  // As the ledger knew it on a date: as of that date too, unless --as-of says otherwise.
  // A date given (or implied by --recorded-by) goes to the ledger; without one the ledger scores as of today (its stored scores).
  const givenAsOf = dateFlag(ctx, 'as-of') ?? recordedBy;
  const asOf = givenAsOf ?? asOfFlag(ctx);
  const forecasterId = ctx.positionals[0] === undefined ? undefined : parseSlug(ctx.positionals[0], '<forecaster>');
  const tag = slugFlag(ctx, 'tag');
  const content = await withLedger(ctx, {}, async (ledger) => {
    const scorecards = forecasterId
      ? [await ledger.scorecard(forecasterId, { asOf: givenAsOf, tag, recordedBy })]
      : (await forecasterSummaries(ledger, givenAsOf, tag, recordedBy)).scorecards;
    const text = ctx.string('out') === undefined ? ctx.out : Output.plain(ctx.io);
    switch (format) {
      case 'table':
        return scorecards.map((sc) => scorecardText(text, sc)).join('\n');
      case 'json':
        return forecasterId ? renderScorecard(scorecards[0]!, 'json') : `${safeJson({ asOf, scorecards }, undefined, 2)}\n`;
      case 'html':
        return forecasterId
          ? renderScorecard(scorecards[0]!, 'html')
          : renderReport({ scorecards, leaderboard: await ledger.leaderboard({ asOf: givenAsOf, tag, recordedBy }), asOf });
      default:
        return scorecards.map((sc) => renderScorecard(sc, 'markdown')).join('\n');
    }
  });
  emitDocument(ctx, format, content, forecasterId ? `the scorecard of ${forecasterId}` : 'every scorecard');
}
