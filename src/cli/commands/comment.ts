import { CONFIG_FILE, FORECASTER_ENV } from '../one-line-config.js';
import { configuredForecaster } from '../one-line-forecaster.js';
import type { CommandContext } from '../context.js';
import { required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/**
 * `forecast-ledger comment <id> --text <text> [--author <name>]`: adds a comment to a question. The
 * author: `--author`, else the forecaster `predict` would use (`$FORECAST_LEDGER_FORECASTER`, else
 * `./forecast-ledger.config.json`).
 */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const text = required(textFlag(ctx, 'text'), 'text');
  const author = required(textFlag(ctx, 'author') ?? configuredForecaster(ctx)?.id, 'author', `or set $${FORECASTER_ENV}, or "forecaster" in ./${CONFIG_FILE}`);
  await withLedger(ctx, {}, async (ledger) => {
    const comment = await ledger.addComment(id, { author, text });
    ctx.out.result({ comment });
    ctx.out.success(`comment by ${author} added to ${id}`);
  });
}
