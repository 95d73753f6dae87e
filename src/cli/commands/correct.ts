import { RESOLUTION_STATUSES } from '../../model/resolution.js';
import { UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { choiceFlag, dateFlag, evidenceFlags, required, textFlag } from '../flags.js';
import { formatResolution } from '../format-values.js';
import { withLedger } from '../ledger-session.js';
import { parseOutcome } from '../parse-outcome.js';

/** `forecast-ledger correct <id>`: supersedes a wrong resolution; the old one stays in the history. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const status = choiceFlag(ctx, 'status', RESOLUTION_STATUSES) ?? 'resolved';
  const outcome = ctx.string('outcome');
  if (status === 'resolved' && outcome === undefined)
    throw new UsageError('correct: --outcome is required to correct to a resolved outcome', 'or pass --status annulled|ambiguous');
  if (status !== 'resolved' && outcome !== undefined) throw new UsageError(`correct: an ${status} question has no outcome: drop --outcome`);
  const resolvedOn = required(dateFlag(ctx, 'resolved-on'), 'resolved-on');
  const reason = required(textFlag(ctx, 'reason'), 'reason');
  const evidence = evidenceFlags(ctx);
  await withLedger(ctx, {}, async (ledger) => {
    const { question, resolution: previous } = await ledger.getQuestion(id);
    const resolution = await ledger.correctResolution(id, {
      status,
      ...(outcome === undefined ? {} : { outcome: parseOutcome(question, outcome, `see the question: ${ctx.cli(`show ${id}`)}`) }),
      resolvedOn,
      evidence,
      reason,
      allowForecastsAfterOutcome: ctx.flag('allow-forecasts-after-outcome'),
    });
    ctx.out.result({ resolution, supersedes: previous ?? null });
    ctx.out.success(
      `${id} corrected to ${formatResolution(resolution, question)}${previous ? `; the earlier ${formatResolution(previous, question)} stays in the history` : ''}`,
    );
  });
}
