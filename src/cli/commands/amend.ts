import { changedFields } from '../../core/question-revision.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../cli-error.js';
import { dateFlag, required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger amend <id> [--title] [--statement] [--criteria] [--resolve-on] --reason <text>`: changes a question, starting a new revision. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  const reason = required(textFlag(ctx, 'reason'), 'reason');
  const title = textFlag(ctx, 'title');
  const statement = textFlag(ctx, 'statement');
  const criteria = textFlag(ctx, 'criteria');
  const resolveOn = dateFlag(ctx, 'resolve-on');
  if (title === undefined && statement === undefined && criteria === undefined && resolveOn === undefined) {
    throw new UsageError(
      'amend: expected at least one of --title, --statement, --criteria, --resolve-on',
      'for fine print that keeps the meaning, use clarify',
    );
  }
  const changes = {
    ...(title === undefined ? {} : { title }),
    ...(statement === undefined ? {} : { statement }),
    ...(criteria === undefined ? {} : { criteria }),
    ...(resolveOn === undefined ? {} : { resolveOn }),
  };
  await withLedger(ctx, {}, async (ledger) => {
    const amendment = await ledger.amendQuestion(id, changes, { reason });
    const { revision } = await ledger.getQuestion(id);
    ctx.out.result({ amendment, revision });
    ctx.out.success(`${id} amended: revision ${revision} (${changedFields(changes).join(', ')}); earlier forecasts keep the revision they were made against`);
  });
}
