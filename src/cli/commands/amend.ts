import type { CommandContext } from '../context.js';
import { UsageError } from '../cli-error.js';
import { required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger amend <id> [--title] [--statement] [--criteria] --reason <text>`: changes a question, starting a new revision. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const reason = required(textFlag(ctx, 'reason'), 'reason');
  const title = textFlag(ctx, 'title');
  const statement = textFlag(ctx, 'statement');
  const criteria = textFlag(ctx, 'criteria');
  if (title === undefined && statement === undefined && criteria === undefined) {
    throw new UsageError('amend: expected at least one of --title, --statement, --criteria', 'for fine print that keeps the meaning, use clarify');
  }
  const changes = {
    ...(title === undefined ? {} : { title }),
    ...(statement === undefined ? {} : { statement }),
    ...(criteria === undefined ? {} : { criteria }),
  };
  await withLedger(ctx, {}, async (ledger) => {
    const amendment = await ledger.amendQuestion(id, changes, { reason });
    const { revision } = await ledger.getQuestion(id);
    ctx.out.result({ amendment, revision });
    ctx.out.success(`${id} amended: revision ${revision} (${Object.keys(changes).join(', ')}); earlier forecasts keep the revision they were made against`);
  });
}
