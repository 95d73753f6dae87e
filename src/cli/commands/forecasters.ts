import type { CommandContext } from '../context.js';
import { asOfFlag } from '../flags.js';
import { forecasterSummaries } from '../forecaster-summaries.js';
import { formatHitRate } from '../format-values.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger forecasters`: every forecaster with their claims made, resolved and pending, and hit rate. */
export async function run(ctx: CommandContext): Promise<void> {
  const asOf = asOfFlag(ctx);
  await withLedger(ctx, {}, async (ledger) => {
    const { summaries } = await forecasterSummaries(ledger, asOf);
    ctx.out.result({ asOf, forecasters: summaries });
    if (!summaries.length)
      return ctx.out.info(`no forecasters yet: ${ctx.cli('import <dir>')} or ${ctx.cli('add forecaster --id <id> --name <name> --type person')}`);
    ctx.out.data(
      ctx.out.table(
        ['ID', 'MADE', 'RESOLVED', 'PENDING', 'OVERDUE', 'HIT RATE', 'NAME'],
        summaries.map((f) => [f.id, String(f.made), String(f.resolved), String(f.pending), String(f.overdue), formatHitRate(f.hitRate), f.name]),
      ),
    );
    ctx.out.info(`see one forecaster's scorecard: ${ctx.cli('scorecard <id>')}`);
  });
}
