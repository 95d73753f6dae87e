import type { CommandContext } from '../context.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger migrate`: checks the applied migrations and applies the pending ones. */
export async function run(ctx: CommandContext): Promise<void> {
  await withLedger(ctx, {}, async (ledger) => {
    const report = await ledger.store.migrate();
    ctx.out.result({ db: ctx.db, schemaVersion: report.version, applied: report.applied });
    const applied = report.applied.length ? `applied ${report.applied.map((m) => `${m.version} (${m.name})`).join(', ')}` : 'every migration checks out';
    ctx.out.success(`${ctx.dbLabel}: ${applied}; schema version ${report.version}`);
  });
}
