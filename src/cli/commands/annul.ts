import type { CommandContext } from '../context.js';
import { dateFlag, evidenceFlags, required, textFlag } from '../flags.js';
import { formatResolution } from '../format-values.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger annul <id>`: annuls a question (or marks it ambiguous); it is never scored. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const reason = required(textFlag(ctx, 'reason'), 'reason');
  const resolvedOn = dateFlag(ctx, 'resolved-on');
  const evidence = evidenceFlags(ctx);
  const input = { reason, evidence, ...(resolvedOn ? { resolvedOn } : {}), allowForecastsAfterOutcome: ctx.flag('allow-forecasts-after-outcome') };
  await withLedger(ctx, {}, async (ledger) => {
    const resolution = ctx.flag('ambiguous') ? await ledger.markAmbiguous(id, input) : await ledger.annul(id, input);
    ctx.out.result({ resolution });
    ctx.out.success(`${id} ${formatResolution(resolution)}`);
  });
}
