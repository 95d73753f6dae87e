import type { CommandContext } from '../context.js';
import { required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger withdraw <forecast-id> --reason <text>`: withdraws a forecast; it stops counting in scores from now on. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const reason = required(textFlag(ctx, 'reason'), 'reason');
  await withLedger(ctx, {}, async (ledger) => {
    const withdrawal = await ledger.withdrawForecast(id, { reason });
    ctx.out.result({ withdrawal });
    ctx.out.success(`forecast ${id} withdrawn (recorded ${withdrawal.recordedAt}): it stops counting in scores from now on; the time it stood still counts`);
  });
}
