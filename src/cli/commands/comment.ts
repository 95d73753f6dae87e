import type { CommandContext } from '../context.js';
import { required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** The environment variable naming the user's forecaster id, the default author of a comment. @internal */
const FORECASTER_ENV = 'FORECAST_LEDGER_FORECASTER';

/** `forecast-ledger comment <id> --text <text> [--author <name>]`: adds a comment to a question. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const text = required(textFlag(ctx, 'text'), 'text');
  const fromEnv = process.env[FORECASTER_ENV]?.trim();
  const author = required(textFlag(ctx, 'author') ?? (fromEnv ? fromEnv : undefined), 'author', `or set ${FORECASTER_ENV}`);
  await withLedger(ctx, {}, async (ledger) => {
    const comment = await ledger.addComment(id, { author, text });
    ctx.out.result({ comment });
    ctx.out.success(`comment by ${author} added to ${id}`);
  });
}
