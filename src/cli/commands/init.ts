import type { CommandContext } from '../context.js';
import { describeMigrations } from '../format-values.js';
import { appliedOnOpen, withLedger } from '../ledger-session.js';

/** `forecast-ledger init`: creates the ledger database, or reports on an existing one (migrating it if needed). */
export async function run(ctx: CommandContext): Promise<void> {
  await withLedger(ctx, { create: true }, async (ledger, session) => {
    const { version } = await ledger.store.migrate();
    const counts = await ledger.counts();
    ctx.out.result({ db: ctx.location, created: session.created, schemaVersion: version, counts });
    if (session.created) {
      ctx.out.success(`created an empty ledger at ${ctx.dbLabel} (schema version ${version})`);
      ctx.out.info(`next: ${ctx.cli('import predictions/')}`);
      return;
    }
    const migrated = appliedOnOpen(ledger);
    const change = migrated.length ? `applied migration${migrated.length === 1 ? '' : 's'} ${describeMigrations(migrated)}` : 'nothing changed';
    ctx.out.success(`${ctx.dbLabel} is already a ledger (schema version ${version}): ${counts.questions} questions, ${counts.forecasts} forecasts; ${change}`);
  });
}
