import { AGGREGATE_METHODS, type AggregateMethod } from '../../model/aggregate.js';
import { UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { parseSlug, required, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger aggregate add ID --method M --members all|ID,…`: adds an aggregate forecaster. */
export async function run(ctx: CommandContext): Promise<void> {
  const [action, rawId] = ctx.positionals;
  if (action !== 'add')
    throw new UsageError(`aggregate: expected the action "add", received ${JSON.stringify(action)}`, 'see the usage: forecast-ledger aggregate --help');
  if (rawId === undefined) throw new UsageError('aggregate add: missing <id>', 'see the usage: forecast-ledger aggregate --help');
  const id = parseSlug(rawId, '<id>');
  const method = required(ctx.string('method'), 'method') as AggregateMethod;
  if (!AGGREGATE_METHODS.includes(method))
    throw new UsageError(`--method: expected one of ${AGGREGATE_METHODS.join(', ')}, received ${JSON.stringify(method)}`);
  const membersFlag = required(ctx.string('members'), 'members').trim();
  const members = membersFlag === 'all' ? 'all' : membersFlag.split(',').map((m, i) => parseSlug(m.trim(), `--members[${i}]`));
  const parameterFlag = ctx.string('parameter');
  const parameter = parameterFlag === undefined ? undefined : Number(parameterFlag);
  if (parameter !== undefined && !(parameter > 0 && Number.isFinite(parameter)))
    throw new UsageError(`--parameter: expected a positive number, received ${JSON.stringify(parameterFlag)}`);
  const name = textFlag(ctx, 'name') ?? id;
  await withLedger(ctx, {}, async (ledger) => {
    const forecaster = await ledger.addAggregate({ id, name, method, members, ...(parameter === undefined ? {} : { parameter }) });
    ctx.out.result({ forecaster });
    ctx.out.success(`added aggregate ${id}: ${method} of ${members === 'all' ? 'every forecaster' : members.join(', ')}`);
  });
}
