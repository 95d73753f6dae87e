import type { CommandContext } from '../context.js';
import { dateFlag, evidenceFlags, required } from '../flags.js';
import { formatResolution } from '../format-values.js';
import { withLedger } from '../ledger-session.js';
import { parseOutcome } from '../parse-outcome.js';

/** `forecast-ledger resolve <id>`: records what happened, with evidence. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const outcome = required(ctx.string('outcome'), 'outcome');
  const resolvedOn = required(dateFlag(ctx, 'resolved-on'), 'resolved-on');
  const evidence = evidenceFlags(ctx);
  await withLedger(ctx, {}, async (ledger) => {
    const { question } = await ledger.getQuestion(id);
    const allowForecastsAfterOutcome = ctx.flag('allow-forecasts-after-outcome');
    const resolution = await ledger.resolve(id, {
      outcome: parseOutcome(question, outcome, `see the question: ${ctx.cli(`show ${id}`)}`),
      resolvedOn,
      evidence,
      allowForecastsAfterOutcome,
    });
    ctx.out.result({ resolution });
    ctx.out.success(`${id} ${formatResolution(resolution, question)}`);
  });
}
