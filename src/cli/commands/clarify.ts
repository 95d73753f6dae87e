import type { CommandContext } from '../context.js';
import { required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger clarify <id> --text <text>`: appends fine print to a question; its meaning is unchanged. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const text = required(textFlag(ctx, 'text'), 'text');
  await withLedger(ctx, {}, async (ledger) => {
    const clarification = await ledger.clarifyQuestion(id, { text });
    ctx.out.result({ clarification });
    ctx.out.success(`${id} clarified (recorded ${clarification.recordedAt}); forecasts keep standing`);
  });
}
