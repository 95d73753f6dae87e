import type { CommandContext } from '../context.js';
import { describeMigrations } from '../format-values.js';
import { appliedOnOpen, withLedger } from '../ledger-session.js';

/**
 * `forecast-ledger migrate`: checks the applied migrations and applies the pending ones, reporting
 * each one applied. Opening a ledger already migrates it, so what opening applied is reported
 * together with anything `migrate()` applies after it.
 */
export async function run(ctx: CommandContext): Promise<void> {
  await withLedger(ctx, {}, async (ledger) => {
    const report = await ledger.store.migrate();
    const applied = [...appliedOnOpen(ledger), ...report.applied];
    ctx.out.result({ db: ctx.location, schemaVersion: report.version, applied });
    const summary = applied.length ? `applied ${describeMigrations(applied)}` : 'every migration checks out, none pending';
    ctx.out.success(`${ctx.dbLabel}: ${summary}; schema version ${report.version}`);
  });
}
