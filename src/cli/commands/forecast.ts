import type { CommandContext } from '../context.js';
import { parseSlug } from '../flags.js';
import { withLedger } from '../ledger-session.js';
import { describeProbability, oneLineForecaster, probabilityArgument } from '../one-line-forecaster.js';

/** `forecast-ledger forecast <question> <probability>`: an updated forecast on a binary question, made now. */
export async function run(ctx: CommandContext): Promise<void> {
  const questionId = parseSlug(ctx.positionals[0] ?? '', '<question>');
  const probabilityText = ctx.positionals[1] ?? '';
  const read = probabilityArgument(probabilityText);
  const forecaster = oneLineForecaster(ctx);
  await withLedger(ctx, {}, async (ledger) => {
    const result = await ledger.forecast(questionId, { probability: probabilityText, forecasterId: forecaster.id });
    ctx.out.result(result);
    if (result.forecasterAdded) ctx.out.info(`added forecaster ${forecaster.id} (a person; from ${forecaster.from})`);
    ctx.out.success(`${forecaster.id} now says ${describeProbability(read)} on ${questionId} (forecast ${result.forecast.id}, made ${result.forecast.madeAt})`);
  });
}
