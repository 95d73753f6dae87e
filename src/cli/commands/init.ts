import type { CommandContext } from '../context.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger init`: creates the ledger database, or reports on an existing one. */
export async function run(ctx: CommandContext): Promise<void> {
  await withLedger(ctx, { create: true }, async (ledger, session) => {
    const { version } = await ledger.store.migrate();
    const counts = await ledger.counts();
    ctx.out.result({ db: ctx.db, created: session.created, schemaVersion: version, counts });
    if (session.created) ctx.out.success(`created an empty ledger at ${ctx.dbLabel} (schema version ${version})`);
    else ctx.out.success(`${ctx.dbLabel} is already a ledger (schema version ${version}): ${counts.questions} questions, ${counts.forecasts} forecasts; nothing changed`);
    if (session.created) ctx.out.info(`next: ${ctx.cli('import predictions/')}`);
  });
}
