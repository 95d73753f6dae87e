import { renderLeaderboard, type Leaderboard } from '../../scoring/index.js';
import { LEADERBOARD_RULE } from '../../scoring/scorecard/build-leaderboard.js';
import type { CommandContext } from '../context.js';
import { documentFormat, emitDocument } from '../document-output.js';
import { dateFlag, positiveIntFlag, slugFlag } from '../flags.js';
import { formatHitRate } from '../format-values.js';
import { withLedger } from '../ledger-session.js';
import { Output } from '../output.js';
import { SCORE_FORMATS } from './scorecard.js';

const score = (n: number | undefined, digits = 3): string => (n === undefined ? '–' : n.toFixed(digits));

/** A leaderboard for a terminal. @internal */
export function leaderboardText(out: Output, lb: Leaderboard): string {
  const lines = [`${out.style('bold', 'Leaderboard')} as of ${lb.asOf}`, LEADERBOARD_RULE];
  lines.push(
    lb.entries.length
      ? out.table(
          ['RANK', 'FORECASTER', 'RESOLVED', 'BRIER', 'LOG LOSS', 'HIT RATE', 'PEER', 'NAME'],
          lb.entries.map((e) => [
            String(e.rank),
            e.forecasterId,
            String(e.resolved),
            score(e.meanBrier),
            score(e.meanLogLoss),
            formatHitRate(e.hitRate),
            e.relativeQuestions ? score(e.meanPeerScore, 1) : '–',
            e.name,
          ]),
        )
      : `nobody has ${lb.minResolved} resolved forecast${lb.minResolved === 1 ? '' : 's'} yet`,
  );
  if (lb.unranked.length) lines.push(`not ranked yet (fewer than ${lb.minResolved} resolved): ${lb.unranked.map((u) => u.forecasterId).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** `forecast-ledger leaderboard`: forecasters ranked by their scores. */
export async function run(ctx: CommandContext): Promise<void> {
  const format = documentFormat(ctx, SCORE_FORMATS, 'table');
  const recordedBy = dateFlag(ctx, 'recorded-by');
  // As the ledger knew it on a date: as of that date too, unless --as-of says otherwise.
  // A date given (or implied by --recorded-by) goes to the ledger; without one the ledger scores as of today (its stored scores).
  const givenAsOf = dateFlag(ctx, 'as-of') ?? recordedBy;
  const minResolved = positiveIntFlag(ctx, 'min-resolved');
  const tag = slugFlag(ctx, 'tag');
  const content = await withLedger(ctx, {}, async (ledger) => {
    const lb = await ledger.leaderboard({ asOf: givenAsOf, recordedBy, ...(minResolved ? { minResolved } : {}), ...(tag ? { tag } : {}) });
    if (format === 'table') return leaderboardText(ctx.string('out') === undefined ? ctx.out : Output.plain(ctx.io), lb);
    return renderLeaderboard(lb, format === 'md' ? 'markdown' : format);
  });
  emitDocument(ctx, format, content, 'the leaderboard');
}
